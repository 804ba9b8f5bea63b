package nodus.statistics;

import java.util.SplittableRandom;

/**
 * Stratified, seeded percentile bootstrap (as pROC {@code ci.auc(method = "bootstrap", boot.stratified = TRUE)}):
 * each replicate draws m events from the events and n non-events from the non-events with replacement, so every
 * replicate has both classes. The interval is the (1−level)/2 and 1−(1−level)/2 quantiles (type 7) of the
 * replicate statistics. Randomness is an input: the same seed gives the same interval on any JVM
 * ({@link SplittableRandom} is specified bit-for-bit).
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** A statistic computed on a resample, given as indices into the original arrays (repeats allowed). */
    @FunctionalInterface
    public interface Statistic {
        double apply(int[] indices);
    }

    /**
     * @param estimate the statistic on the original sample
     * @param ciLow lower percentile of the replicates
     * @param ciHigh upper percentile of the replicates
     * @param replicates replicates drawn
     * @param failed replicates whose statistic was not finite (excluded)
     * @param seed the seed used
     */
    public record Interval(double estimate, double ciLow, double ciHigh, int replicates, int failed, long seed) {
    }

    public static Interval stratified(double[] labels, int replicates, long seed, double level, Statistic stat) {
        Checks.level(level);
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1, got " + replicates);
        }
        int n = labels.length;
        int m = 0;
        for (double y : labels) {
            if (y == 1.0) {
                m++;
            }
        }
        int[] pos = new int[m];
        int[] neg = new int[n - m];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (labels[i] == 1.0) {
                pos[a++] = i;
            } else {
                neg[b++] = i;
            }
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double estimate = stat.apply(all);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[replicates];
        int ok = 0;
        int[] idx = new int[n];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < m; i++) {
                idx[i] = pos[rng.nextInt(m)];
            }
            for (int i = 0; i < n - m; i++) {
                idx[m + i] = neg[rng.nextInt(n - m)];
            }
            double v = stat.apply(idx);
            if (Double.isFinite(v)) {
                values[ok++] = v;
            }
        }
        double[] kept = java.util.Arrays.copyOf(values, ok);
        java.util.Arrays.sort(kept);
        double alpha = (1 - level) / 2;
        double lo = ok == 0 ? Double.NaN : Sorted.numpyQuantile(kept, alpha);
        double hi = ok == 0 ? Double.NaN : Sorted.numpyQuantile(kept, 1 - alpha);
        return new Interval(estimate, lo, hi, replicates, replicates - ok, seed);
    }

    /** Bootstrap CI of the AUC. */
    public static Interval auc(double[] labels, double[] scores, int replicates, long seed, double level) {
        Checks.binary(labels, scores);
        return stratified(labels, replicates, seed, level, idx -> aucOf(labels, scores, idx));
    }

    static double aucOf(double[] labels, double[] scores, int[] idx) {
        double[] y = new double[idx.length];
        double[] s = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            y[i] = labels[idx[i]];
            s[i] = scores[idx[i]];
        }
        return DeLong.Components.of(y, s).auc();
    }

    static double[] pick(double[] x, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }
}
