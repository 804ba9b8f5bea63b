package nodus.experiment;

/** The part of a split a case belongs to; a run's predictions are stored and evaluated per part. */
public enum SplitPart {
    TRAIN, VALIDATION, TEST;

    /** The prefix of a run's final metrics for this part in MLflow and exports, e.g. {@code test_auc}. */
    public String metricPrefix() {
        return switch (this) {
            case TRAIN -> "train";
            case VALIDATION -> "val";
            case TEST -> "test";
        };
    }
}
