package nodus.radiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The features of one case (name → value, pyradiomics names and order), with what made them: the settings hash
 * ({@link RadiomicsSettings#hash()}), the hashes of the input image and mask, and the Nodus version.
 */
public record FeatureVector(String caseId, Map<String, Double> features, String settingsHash, String imageHash,
                            String maskHash, String nodusVersion, boolean fromCache) {
    public FeatureVector {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }
}
