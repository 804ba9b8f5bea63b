package nodus.cohort.study;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One labelled case of a study, as the model runs see it: its split part, label (0/1 for binary tasks, the class
 * index for multi-class), its image and lesion mask files with pixel spacing (mm), and its clinical values
 * ({@code Double} for numeric variables, the category {@code String} for categorical/ordinal ones, absent when
 * missing).
 */
public record StudyCase(String caseId, String patientId, Part part, int label, Path image, Path mask,
                        double spacingX, double spacingY, Map<String, Object> clinical) {

    /** The split parts (same names as the runs' parts). */
    public enum Part {
        TRAIN, VALIDATION, TEST
    }

    public StudyCase {
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("case id must not be blank");
        }
        if (part == null) {
            throw new IllegalArgumentException("case " + caseId + " has no split part");
        }
        if (label < 0) {
            throw new IllegalArgumentException("case " + caseId + " has a negative label");
        }
        if (!(spacingX > 0) || !(spacingY > 0)) {
            throw new IllegalArgumentException("case " + caseId + " needs a positive pixel spacing (mm)");
        }
        clinical = Collections.unmodifiableMap(new HashMap<>(clinical == null ? Map.of() : clinical));
    }
}
