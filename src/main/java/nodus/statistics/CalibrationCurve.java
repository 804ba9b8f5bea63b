package nodus.statistics;

/**
 * A reliability diagram as scikit-learn {@code calibration_curve(y, p, n_bins, strategy)}: per non-empty bin the
 * observed fraction of events and the mean predicted probability. Uniform bins are [k/b, (k+1)/b) with p = 1 in
 * the last; quantile bins have numpy-percentile edges (linear). A case lies in bin #{inner edges &lt; p}, i.e. bins are
 * (a, b] with the first closed: scikit-learn 1.9.1 calls {@code np.searchsorted(bins[1:-1], y_prob)} with the
 * default side='left' (the note in the shared reference_values.json saying side='right' is wrong; it matters for
 * quantile edges, which fall on data points). Empty bins are dropped, as in scikit-learn.
 *
 * @param strategy "uniform" or "quantile"
 * @param fractionOfPositives observed event rate per non-empty bin
 * @param meanPredicted mean predicted probability per non-empty bin
 * @param counts cases per non-empty bin
 */
public record CalibrationCurve(String strategy, double[] fractionOfPositives, double[] meanPredicted, int[] counts) {

    public enum Strategy { UNIFORM, QUANTILE }

    public static CalibrationCurve of(double[] labels, double[] probabilities, int bins, Strategy strategy) {
        Checks.probabilities(labels, probabilities);
        return of(labels, probabilities, bins, strategy,
                strategy == Strategy.QUANTILE ? Sorted.sortedCopy(probabilities) : null);
    }

    /** As {@link #of(double[], double[], int, Strategy)} with the probabilities already checked and sorted. */
    static CalibrationCurve of(double[] labels, double[] probabilities, int bins, Strategy strategy,
                               double[] sorted) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        double[] edges = new double[bins + 1];
        if (strategy == Strategy.UNIFORM) {
            for (int i = 0; i <= bins; i++) {
                edges[i] = Sorted.linspace01(i, bins);
            }
        } else {
            for (int i = 0; i <= bins; i++) {
                // scikit-learn: np.percentile(p, np.linspace(0, 1, b + 1) * 100); numpy divides by 100 again.
                edges[i] = Sorted.numpyQuantile(sorted, Sorted.linspace01(i, bins) * 100 / 100);
            }
        }
        double[] inner = java.util.Arrays.copyOfRange(edges, 1, bins);
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < probabilities.length; i++) {
            int b = Sorted.countBelow(inner, probabilities[i]);
            sumP[b] += probabilities[i];
            sumY[b] += labels[i];
            count[b]++;
        }
        int nonEmpty = 0;
        for (int c : count) {
            if (c > 0) {
                nonEmpty++;
            }
        }
        double[] frac = new double[nonEmpty];
        double[] mean = new double[nonEmpty];
        int[] cnt = new int[nonEmpty];
        int k = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                frac[k] = sumY[b] / count[b];
                mean[k] = sumP[b] / count[b];
                cnt[k] = count[b];
                k++;
            }
        }
        return new CalibrationCurve(strategy.name().toLowerCase(java.util.Locale.ROOT), frac, mean, cnt);
    }

    /** Brier score: mean squared difference between probability and outcome (0 best, 0.25 for p ≡ ½). */
    public static double brier(double[] labels, double[] probabilities) {
        Checks.probabilities(labels, probabilities);
        double s = 0;
        for (int i = 0; i < labels.length; i++) {
            double d = probabilities[i] - labels[i];
            s += d * d;
        }
        return s / labels.length;
    }
}
