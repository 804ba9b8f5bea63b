package nodus.statistics;

/**
 * Which threshold the metrics are reported at. The honest choice for validation and test cohorts is
 * {@link #fromTraining}: the Youden threshold chosen on the training predictions, applied unchanged; the Youden
 * threshold of the evaluated predictions themselves is optimistic (it was chosen on the same data).
 *
 * @param kind how the threshold was chosen
 * @param value the threshold in score units (NaN for {@link Kind#YOUDEN}, which is computed on the evaluated data)
 * @param origin free text naming where it came from, e.g. the training file; may be empty
 */
public record ThresholdRule(Kind kind, double value, String origin) {

    static final String YOUDEN_SOURCE = "youden";

    public enum Kind {
        /** Youden threshold of the evaluated predictions. */
        YOUDEN,
        /** A value given by the user. */
        FIXED,
        /** Youden threshold of the training predictions, applied unchanged. */
        FROM_TRAINING
    }

    public ThresholdRule {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (kind != Kind.YOUDEN && !Double.isFinite(value)) {
            throw new IllegalArgumentException("a fixed threshold must be finite, got " + value);
        }
        origin = origin == null ? "" : origin;
    }

    public static ThresholdRule youden() {
        return new ThresholdRule(Kind.YOUDEN, Double.NaN, "");
    }

    public static ThresholdRule fixed(double threshold) {
        return new ThresholdRule(Kind.FIXED, threshold, "");
    }

    /** Youden threshold of the training predictions ({@code origin} names them, e.g. a file). */
    public static ThresholdRule fromTraining(double[] trainLabels, double[] trainScores, String origin) {
        return new ThresholdRule(Kind.FROM_TRAINING, Youden.threshold(trainLabels, trainScores), origin);
    }

    /** Short label for reports: "youden", "fixed" or "training" (+ origin). */
    public String source() {
        return switch (kind) {
            case YOUDEN -> YOUDEN_SOURCE;
            case FIXED -> "fixed";
            case FROM_TRAINING -> origin.isEmpty() ? "training" : "training:" + origin;
        };
    }
}
