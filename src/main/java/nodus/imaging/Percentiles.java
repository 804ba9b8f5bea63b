package nodus.imaging;

/**
 * Percentiles with numpy's default ("linear", R type 7, Excel PERCENTILE.INC) interpolation:
 * {@code h = (n - 1) p / 100}, value = {@code x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])} on sorted data.
 * pyradiomics' 10th/90th percentile and interquartile range use exactly this.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 ≤ p ≤ 100) of ascending-sorted values. */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
        }
        int n = sorted.length;
        // numpy (>= 1.22, method "linear") computes the virtual index as (n - 1) q with q = p / 100 and
        // interpolates with lerp(a, b, t) = a + t (b - a), switching to b - (1 - t)(b - a) for t >= 0.5 (numpy._lerp).
        double q = p / 100.0;
        double h = (n - 1) * q;
        double floor = Math.floor(h);
        double t = h - floor;
        int lo = (int) Math.min(Math.max(floor, 0), n - 1);
        int hi = Math.min(lo + 1, n - 1);
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** The median as numpy computes it: mean of the two middle values for even n. */
    public static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
