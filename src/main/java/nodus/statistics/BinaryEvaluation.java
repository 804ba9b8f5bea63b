package nodus.statistics;

import java.util.List;

/**
 * Everything a paper reports for one binary model on one cohort, in one call: AUC with DeLong CI (and optional
 * bootstrap CI), ROC curve, Youden threshold and metrics, metrics at the chosen threshold rule, Brier score,
 * Hosmer–Lemeshow, calibration curves and the decision curve (pt = 0.01…0.99).
 *
 * <p>Scores need not be probabilities (e.g. a radscore): then only the rank-based parts are computed and
 * {@code brier}, {@code hosmerLemeshow}, calibration and {@code netBenefit} are null ({@link #probabilistic()}
 * false).
 *
 * @param n cases
 * @param positives events (label 1)
 * @param auc AUC with DeLong interval
 * @param aucBootstrap stratified bootstrap interval of the AUC, or null when not requested
 * @param roc ROC curve at every distinct score
 * @param youden metrics at the Youden threshold of these predictions
 * @param atThreshold metrics at the threshold of the options' rule (equals {@code youden} for the YOUDEN rule)
 * @param f1Bootstrap bootstrap interval of F1 at {@code atThreshold}, or null
 * @param brier Brier score, or null
 * @param hosmerLemeshow Hosmer–Lemeshow test, or null
 * @param calibrationUniform calibration curve with uniform bins, or null
 * @param calibrationQuantile calibration curve with quantile bins, or null
 * @param netBenefit decision curve at pt = 0.01…0.99, or null
 * @param options the options used
 */
public record BinaryEvaluation(int n, int positives, AucEstimate auc, Bootstrap.Interval aucBootstrap, RocCurve roc,
                               ThresholdMetrics youden, ThresholdMetrics atThreshold, Bootstrap.Interval f1Bootstrap,
                               Double brier, HosmerLemeshow.Result hosmerLemeshow,
                               CalibrationCurve calibrationUniform, CalibrationCurve calibrationQuantile,
                               List<NetBenefit> netBenefit, EvaluationOptions options) {

    public static BinaryEvaluation evaluate(double[] labels, double[] scores) {
        return evaluate(labels, scores, EvaluationOptions.defaults());
    }

    public static BinaryEvaluation evaluate(double[] labels, double[] scores, EvaluationOptions options) {
        BinarySample sample = BinarySample.of(labels, scores);
        int m = sample.positives();
        AucEstimate auc = DeLong.auc(sample, options.level());
        RocCurve roc = RocCurve.of(sample);
        ThresholdMetrics youden = ThresholdMetrics.at(labels, scores, Youden.threshold(roc),
                ThresholdRule.YOUDEN_SOURCE);
        ThresholdRule rule = options.threshold();
        ThresholdMetrics at = rule.kind() == ThresholdRule.Kind.YOUDEN ? youden
                : ThresholdMetrics.at(labels, scores, rule.value(), rule.source());
        Bootstrap.Interval aucBoot = null;
        Bootstrap.Interval f1Boot = null;
        if (options.bootstrapReplicates() > 0) {
            aucBoot = Bootstrap.auc(labels, scores, options.bootstrapReplicates(), options.seed(), options.level());
            double t = at.threshold();
            f1Boot = Bootstrap.stratified(labels, options.bootstrapReplicates(), options.seed(), options.level(),
                    idx -> ThresholdMetrics.at(Bootstrap.pick(labels, idx), Bootstrap.pick(scores, idx), t, "")
                            .f1());
        }
        if (!Checks.allProbabilities(scores)) {
            return new BinaryEvaluation(labels.length, m, auc, aucBoot, roc, youden, at, f1Boot, null, null, null,
                    null, null, options);
        }
        return new BinaryEvaluation(labels.length, m, auc, aucBoot, roc, youden, at, f1Boot,
                brier(labels, scores),
                HosmerLemeshow.test(labels, scores, options.hlGroups(), options.hlGrouping(), sample.allSorted()),
                CalibrationCurve.of(labels, scores, options.calibrationBins(), CalibrationCurve.Strategy.UNIFORM,
                        null),
                CalibrationCurve.of(labels, scores, options.calibrationBins(), CalibrationCurve.Strategy.QUANTILE,
                        sample.allSorted()),
                DecisionCurve.standard(sample), options);
    }

    private static double brier(double[] labels, double[] scores) {
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            double d = scores[i] - labels[i];
            s += d * d;
        }
        return s / labels.length;
    }

    public boolean probabilistic() {
        return brier != null;
    }
}
