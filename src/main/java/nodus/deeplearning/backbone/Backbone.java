package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * A torchvision classification network split at the two points the study needs: the last convolutional map (for
 * Grad-CAM) and the penultimate feature vector (the deep features, 2048-d or 4096-d for VGG19). The forward pass
 * is {@code head(penultimate(lastConvMap(x)))}, exactly torchvision's {@code forward}.
 *
 * <p>Input: [N, 3, H, W] float32, normalised as the weights expect (ImageNet mean/std for torchvision's).
 */
public abstract class Backbone extends TorchModule {

    private final Architecture architecture;

    protected Backbone(Architecture architecture) {
        this.architecture = architecture;
    }

    public final Architecture architecture() {
        return architecture;
    }

    /** Output of the last convolutional block: [N, C, h, w] (ResNets 2048×7×7 at 224², VGG19 512×7×7). */
    public abstract NDArray lastConvMap(ParameterStore ps, NDArray x, boolean training);

    /** Pooling (and, for VGG19, classifier.0–5) from the last map to the penultimate vector [N, featureDim]. */
    public abstract NDArray penultimate(ParameterStore ps, NDArray lastConvMap, boolean training);

    /** The replaceable classification layer: [N, featureDim] → logits [N, classes]. */
    public final NDArray head(ParameterStore ps, NDArray penultimate, boolean training) {
        return Ops.run(headBlock(), ps, penultimate, training);
    }

    /** PyTorch name of the classification layer ({@code fc} or {@code classifier.6}). */
    public abstract String headName();

    abstract Block headBlock();

    abstract void setHead(Dense head);

    /** Number of output classes of the current head. */
    public final int numClasses() {
        return ((Dense) headBlock()).outFeatures();
    }

    /**
     * Replaces the classification layer by a fresh {@code Linear(featureDim, classes)} initialised like PyTorch's
     * default (U(±1/√fan_in)) from {@code seed}. Call before {@code initialize}, or initialise the new layer with
     * {@link Backbones#initializeHead}.
     */
    public final void replaceHead(int classes, long seed) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be ≥ 1, got " + classes);
        }
        Dense head = new Dense(architecture.featureDim(), classes);
        Backbones.seedParameters(head, headName() + ".", seed);
        setHead(head);
    }

    /** Freezes (or unfreezes) every parameter except the head's, for head-only fine-tuning. */
    public final void freezeTrunk(boolean freeze) {
        String prefix = headName() + ".";
        for (Map.Entry<String, Parameter> e : torchParameters(false).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                e.getValue().freeze(freeze);
            }
        }
    }

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                           PairList<String, Object> params) {
        NDArray map = lastConvMap(ps, inputs.singletonOrThrow(), training);
        return new NDList(head(ps, penultimate(ps, map, training), training));
    }
}
