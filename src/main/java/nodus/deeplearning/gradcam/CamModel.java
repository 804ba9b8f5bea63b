package nodus.deeplearning.gradcam;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import nodus.deeplearning.backbone.Backbone;

/** A network split at the layer Grad-CAM explains: features → class scores. */
public interface CamModel {

    /** The convolutional map to explain: [1, C, h, w]. */
    NDArray features(ParameterStore ps, NDArray input);

    /** Class scores (logits, before softmax) from that map: [1, classes]. */
    NDArray scores(ParameterStore ps, NDArray featureMap);

    /** The last convolutional block of a backbone, in evaluation mode (Selvaraju et al. 2017 use the last). */
    static CamModel of(Backbone b) {
        return new CamModel() {
            @Override
            public NDArray features(ParameterStore ps, NDArray input) {
                return b.lastConvMap(ps, input, false);
            }

            @Override
            public NDArray scores(ParameterStore ps, NDArray featureMap) {
                return b.head(ps, b.penultimate(ps, featureMap, false), false);
            }
        };
    }
}
