package nodus.deeplearning.gradcam;

import nodus.deeplearning.DjlEnvironment;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * Grad-CAM (Selvaraju et al., ICCV 2017) on a {@link CamModel}.
 *
 * <p>WHY the detour through {@code stopGradient}: the feature map must be a leaf of the recorded graph for
 * {@code getGradient()} to return ∂y/∂A; on DJL's PyTorch engine a non-leaf silently yields zeros (probe, issue 6).
 * Only the head runs inside the gradient collector, so the trunk's activations are not kept for backward.
 */
public final class GradCam {

    private GradCam() {
    }

    /**
     * Explains {@code classIndex} for one input [1, 3, H, W]. Every intermediate array lives in a sub-manager of
     * the input's manager that is closed before returning.
     */
    public static GradCamResult explain(CamModel model, ParameterStore ps, NDArray input, int classIndex) {
        if (input.getShape().dimension() != 4 || input.getShape().get(0) != 1) {
            throw new IllegalArgumentException("Grad-CAM explains one case: input must be [1, C, H, W], got "
                    + input.getShape());
        }
        try (NDManager sub = input.getManager().newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(sub);
            NDArray a = model.features(ps, x).stopGradient();
            a.setRequiresGradient(true);
            NDArray score;
            try (GradientCollector gc = DjlEnvironment.engine().newGradientCollector()) {
                NDArray logits = model.scores(ps, a);
                long classes = logits.getShape().get(1);
                if (classIndex < 0 || classIndex >= classes) {
                    throw new IllegalArgumentException("class " + classIndex + " outside 0.." + (classes - 1));
                }
                score = logits.get(0, classIndex);
                gc.backward(score);
            }
            NDArray g = a.getGradient();
            // α_c: spatial mean of the gradient (the PyTorch engine's mean takes one axis at a time).
            NDArray alpha = g.mean(new int[] {3}).mean(new int[] {2}); // [1, C]
            long c = a.getShape().get(1);
            long h = a.getShape().get(2);
            long w = a.getShape().get(3);
            NDArray cam = a.mul(alpha.reshape(1, c, 1, 1)).sum(new int[] {1}).maximum(0f); // [1, h, w]
            return new GradCamResult(classIndex, score.getFloat(), (int) c, (int) h, (int) w,
                    g.toFloatArray(), toDouble(alpha.toFloatArray()), toDouble(cam.toFloatArray()));
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
