package nodus.experiment.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an exported model says about one case: P(positive class) and, for information, intermediate values a
 * reader may want to check (e.g. the radscore, the model inputs).
 */
public record ModelPrediction(double probability, Map<String, Object> details) {
    public ModelPrediction {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
