package nodus.statistics;

/**
 * The Youden threshold: the observed score t maximising J(t) = sensitivity + specificity − 1 with "positive if
 * score ≥ t"; among thresholds attaining the maximum the highest wins (scikit-learn roc_curve order, first argmax).
 * J is compared exactly, as the integer TP·N − FP·P, so that mathematically equal J values tie even when their
 * floating-point forms differ. The +∞ point of the ROC curve (J = 0) is not a candidate: the threshold is always
 * an observed score, so with all scores tied it is that score (sensitivity 1, specificity 0).
 */
public final class Youden {

    private Youden() {
    }

    public static double threshold(double[] labels, double[] scores) {
        return threshold(RocCurve.of(labels, scores));
    }

    public static double threshold(RocCurve roc) {
        long p = roc.positives();
        long n = roc.negatives();
        int best = 1;
        long bestScore = Long.MIN_VALUE;
        for (int k = 1; k < roc.size(); k++) {
            long s = roc.truePositives()[k] * n - roc.falsePositives()[k] * p;
            if (s > bestScore) {
                bestScore = s;
                best = k;
            }
        }
        return roc.thresholds()[best];
    }

    /** Metrics at the Youden threshold of these same predictions (optimistic on the data that chose it). */
    public static ThresholdMetrics metrics(double[] labels, double[] scores) {
        return ThresholdMetrics.at(labels, scores, threshold(labels, scores), ThresholdRule.YOUDEN_SOURCE);
    }
}
