package nodus.statistics;

/**
 * Choices of a {@link BinaryEvaluation}. Build with {@link #builder()}; every setting is optional ({@code opt*})
 * with the defaults of the reference study: 95 % intervals, Hosmer–Lemeshow with 10 equal-size groups, 10
 * calibration bins, metrics at the Youden threshold, no bootstrap.
 *
 * @param level confidence level of all intervals, in (0, 1)
 * @param hlGroups Hosmer–Lemeshow groups g (df = g − 2), ≥ 3
 * @param hlGrouping Hosmer–Lemeshow grouping rule
 * @param calibrationBins bins of the calibration curves, ≥ 1
 * @param threshold threshold rule for the metrics at a threshold
 * @param bootstrapReplicates stratified bootstrap replicates for AUC and F1 intervals; 0 = none
 * @param seed seed of the bootstrap
 */
public record EvaluationOptions(double level, int hlGroups, HosmerLemeshow.Grouping hlGrouping, int calibrationBins,
                                ThresholdRule threshold, int bootstrapReplicates, long seed) {

    public EvaluationOptions {
        Checks.level(level);
        if (hlGroups < 3) {
            throw new IllegalArgumentException("hlGroups must be >= 3, got " + hlGroups);
        }
        if (hlGrouping == null || threshold == null) {
            throw new IllegalArgumentException("hlGrouping and threshold are required");
        }
        if (calibrationBins < 1) {
            throw new IllegalArgumentException("calibrationBins must be >= 1, got " + calibrationBins);
        }
        if (bootstrapReplicates < 0) {
            throw new IllegalArgumentException("bootstrapReplicates must be >= 0, got " + bootstrapReplicates);
        }
    }

    public static EvaluationOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private double level = 0.95;
        private int hlGroups = 10;
        private HosmerLemeshow.Grouping hlGrouping = HosmerLemeshow.Grouping.EQUAL_SIZE;
        private int calibrationBins = 10;
        private ThresholdRule threshold = ThresholdRule.youden();
        private int bootstrapReplicates;
        private long seed = 42;

        private Builder() {
        }

        public Builder optLevel(double level) {
            this.level = level;
            return this;
        }

        public Builder optHosmerLemeshow(int groups, HosmerLemeshow.Grouping grouping) {
            this.hlGroups = groups;
            this.hlGrouping = grouping;
            return this;
        }

        public Builder optCalibrationBins(int bins) {
            this.calibrationBins = bins;
            return this;
        }

        public Builder optThreshold(ThresholdRule rule) {
            this.threshold = rule;
            return this;
        }

        public Builder optBootstrap(int replicates, long seed) {
            this.bootstrapReplicates = replicates;
            this.seed = seed;
            return this;
        }

        public EvaluationOptions build() {
            return new EvaluationOptions(level, hlGroups, hlGrouping, calibrationBins, threshold,
                    bootstrapReplicates, seed);
        }
    }
}
