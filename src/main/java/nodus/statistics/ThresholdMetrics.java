package nodus.statistics;

/**
 * Classification metrics at one threshold ("positive if score ≥ threshold"), each a {@link Proportion} with its
 * Wilson 95% interval. F1 = 2TP/(2TP + FP + FN) is not a binomial proportion, so it carries no Wilson interval;
 * its interval comes from the bootstrap ({@link BinaryEvaluation} with bootstrap replicates) when requested.
 *
 * @param threshold the cut-off applied, in score units
 * @param source where the threshold came from (see {@link ThresholdRule})
 * @param tp true positives
 * @param fp false positives
 * @param tn true negatives
 * @param fn false negatives
 * @param accuracy (TP + TN) / n
 * @param sensitivity TP / (TP + FN)
 * @param specificity TN / (TN + FP)
 * @param ppv TP / (TP + FP); NaN when nobody is called positive
 * @param npv TN / (TN + FN); NaN when nobody is called negative
 * @param f1 2TP / (2TP + FP + FN)
 */
public record ThresholdMetrics(double threshold, String source, long tp, long fp, long tn, long fn,
                               Proportion accuracy, Proportion sensitivity, Proportion specificity, Proportion ppv,
                               Proportion npv, double f1) {

    public static ThresholdMetrics at(double[] labels, double[] scores, double threshold, String source) {
        Checks.binary(labels, scores);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean positive = scores[i] >= threshold;
            if (labels[i] == 1.0) {
                if (positive) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (positive) {
                fp++;
            } else {
                tn++;
            }
        }
        return of(threshold, source, tp, fp, tn, fn);
    }

    public static ThresholdMetrics of(double threshold, String source, long tp, long fp, long tn, long fn) {
        long n = tp + fp + tn + fn;
        return new ThresholdMetrics(threshold, source, tp, fp, tn, fn,
                Proportion.wilson(tp + tn, n),
                Proportion.wilson(tp, tp + fn),
                Proportion.wilson(tn, tn + fp),
                Proportion.wilson(tp, tp + fp),
                Proportion.wilson(tn, tn + fn),
                2 * tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2 * tp + fp + fn));
    }

    /** Youden's J = sensitivity + specificity − 1. */
    public double youdenJ() {
        return sensitivity.estimate() + specificity.estimate() - 1;
    }
}
