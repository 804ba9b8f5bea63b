package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Evaluation-mode passes over batches, each in its own NDManager closed before returning — a Block keeps every
 * intermediate array alive until its manager closes (3.3 GB peak for ResNet50 inference otherwise; issue 6).
 */
public final class BackboneInference {

    private BackboneInference() {
    }

    /** What to return per image. */
    public enum Output { PENULTIMATE, LOGITS }

    /**
     * @param images n images, row-major [n, 3, size, size], normalised as the weights expect
     * @param size   side length in pixels
     * @param batch  images per forward pass
     * @return one row per image: the penultimate features (featureDim) or the logits (classes)
     */
    public static float[][] run(Backbone net, NDManager parent, float[] images, int size, int batch, Output out) {
        int per = 3 * size * size;
        if (size < 1 || images.length % per != 0 || batch < 1) {
            throw new IllegalArgumentException("images must hold n·3·" + size + "² values and batch ≥ 1");
        }
        int n = images.length / per;
        float[][] rows = new float[n][];
        ParameterStore ps = new ParameterStore(parent, false);
        for (int start = 0; start < n; start += batch) {
            int k = Math.min(batch, n - start);
            try (NDManager sub = parent.newSubManager()) {
                float[] chunk = new float[k * per];
                System.arraycopy(images, start * per, chunk, 0, chunk.length);
                NDArray x = sub.create(chunk, new Shape(k, 3, size, size));
                NDArray y = net.penultimate(ps, net.lastConvMap(ps, x, false), false);
                if (out == Output.LOGITS) {
                    y = net.head(ps, y, false);
                }
                float[] flat = y.toFloatArray();
                int dim = flat.length / k;
                for (int i = 0; i < k; i++) {
                    rows[start + i] = java.util.Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
                }
            }
        }
        return rows;
    }
}
