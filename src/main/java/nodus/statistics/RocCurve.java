package nodus.statistics;

/**
 * The empirical ROC curve at every distinct score, as scikit-learn {@code roc_curve(drop_intermediate=False)}:
 * thresholds descending, the first +∞ (nobody positive, point (0, 0)); at threshold t a case is positive when
 * score ≥ t.
 *
 * @param thresholds descending thresholds, thresholds[0] = +∞
 * @param fpr false-positive rate (1 − specificity) at each threshold
 * @param tpr true-positive rate (sensitivity) at each threshold
 * @param truePositives events with score ≥ threshold
 * @param falsePositives non-events with score ≥ threshold
 * @param positives total events
 * @param negatives total non-events
 */
public record RocCurve(double[] thresholds, double[] fpr, double[] tpr, int[] truePositives, int[] falsePositives,
                       int positives, int negatives) {

    public static RocCurve of(double[] labels, double[] scores) {
        return of(BinarySample.of(labels, scores));
    }

    static RocCurve of(BinarySample sample) {
        int m = sample.positives();
        int n = sample.negatives();
        double[] negSorted = sample.negSorted;
        double[] posSorted = sample.posSorted;
        double[] all = sample.allSorted();
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                distinct++;
            }
        }
        double[] thr = new double[distinct + 1];
        int[] tp = new int[distinct + 1];
        int[] fp = new int[distinct + 1];
        thr[0] = Double.POSITIVE_INFINITY;
        int k = 1;
        int ip = m;
        int in = n;
        // Walk the distinct values from the top; pointers ip/in mark how many events/non-events lie below t.
        for (int i = all.length - 1; i >= 0; i--) {
            if (i < all.length - 1 && all[i] == all[i + 1]) {
                continue;
            }
            double t = all[i];
            while (ip > 0 && posSorted[ip - 1] >= t) {
                ip--;
            }
            while (in > 0 && negSorted[in - 1] >= t) {
                in--;
            }
            thr[k] = t;
            tp[k] = m - ip;
            fp[k] = n - in;
            k++;
        }
        double[] fpr = new double[thr.length];
        double[] tpr = new double[thr.length];
        for (int i = 0; i < thr.length; i++) {
            fpr[i] = (double) fp[i] / n;
            tpr[i] = (double) tp[i] / m;
        }
        return new RocCurve(thr, fpr, tpr, tp, fp, m, n);
    }

    public int size() {
        return thresholds.length;
    }
}
