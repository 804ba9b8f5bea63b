package nodus.cohort;

import java.util.Locale;

/** A part of a split. */
public enum Part {
    TRAIN, VALIDATION, TEST;

    /** Reads "train"/"training", "val"/"validation", "test" (any case); null for anything else. */
    public static Part parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "train", "training" -> TRAIN;
            case "val", "valid", "validation" -> VALIDATION;
            case "test", "testing" -> TEST;
            default -> null;
        };
    }

    public String label() {
        return switch (this) {
            case TRAIN -> "Training";
            case VALIDATION -> "Validation";
            case TEST -> "Test";
        };
    }
}
