package nodus.experiment.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One new case for an exported model: its image and lesion mask files, the pixel spacing in mm (the image files
 * carry none; radiomics shape features need it), and its clinical values as text (column → value; an empty value
 * is missing). Which parts a model needs depends on its kind: a clinical model reads only the clinical values, an
 * image model only image and mask.
 */
public record PredictionInput(Path image, Path mask, Double spacingX, Double spacingY, Map<String, String> clinical) {
    public PredictionInput {
        if ((spacingX == null) != (spacingY == null)) {
            throw new IllegalArgumentException("give both pixel spacings or neither");
        }
        if (spacingX != null && (!(spacingX > 0) || !(spacingY > 0))) {
            throw new IllegalArgumentException("pixel spacing must be > 0 mm, got " + spacingX + ", " + spacingY);
        }
        clinical = clinical == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clinical));
    }

    /** The image, or an error naming what the model needs. */
    public Path requireImage() {
        if (image == null || mask == null) {
            throw new IllegalArgumentException("this model needs --image and --mask");
        }
        return image;
    }
}
