package nodus.statistics;

import java.util.Arrays;

/**
 * Counting on sorted arrays: the O(n log n) core of fast DeLong, ROC and decision curves. Midranks follow from
 * counts: the midrank of v in a sample is (#below v) + (#equal v + 1) / 2 (Sun &amp; Xu 2014, eq. 5).
 */
final class Sorted {

    private Sorted() {
    }

    static double[] sortedCopy(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    /**
     * Indices that sort {@code x} ascending, ties in their original order (numpy argsort kind='mergesort').
     * Case i goes to position (#values below x_i) + (#earlier cases equal to x_i): one primitive sort plus a
     * binary search per case, much cheaper than sorting boxed indices with a comparator at 10^5–10^6 cases.
     */
    static int[] argsortStable(double[] x) {
        return argsortStable(x, sortedCopy(x));
    }

    /** As {@link #argsortStable(double[])} with {@code ascending} = x sorted. */
    static int[] argsortStable(double[] x, double[] ascending) {
        int n = x.length;
        int[] order = new int[n];
        int[] used = new int[n];
        for (int i = 0; i < n; i++) {
            int start = countBelow(ascending, x[i]);
            order[start + used[start]++] = i;
        }
        return order;
    }

    /** Number of elements of ascending {@code s} strictly below {@code v}. */
    static int countBelow(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of elements of ascending {@code s} at or below {@code v}. */
    static int countAtOrBelow(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double[] select(double[] values, double[] labels, double label) {
        int k = 0;
        for (double y : labels) {
            if (y == label) {
                k++;
            }
        }
        double[] out = new double[k];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (labels[i] == label) {
                out[j++] = values[i];
            }
        }
        return out;
    }

    /**
     * numpy.quantile / numpy.percentile with the default "linear" method (R type 7) on an ascending array,
     * reproducing numpy's arithmetic (virtual index (n−1)·q, its two-sided lerp) so that bin edges coincide
     * bit-for-bit with scikit-learn's when they fall on data points.
     */
    static double numpyQuantile(double[] ascending, double q) {
        int n = ascending.length;
        double virtual = (n - 1) * q;
        if (virtual >= n - 1) {
            return ascending[n - 1];
        }
        if (virtual <= 0) {
            return ascending[0];
        }
        int prev = (int) Math.floor(virtual);
        double gamma = virtual - prev;
        double a = ascending[prev];
        double b = ascending[prev + 1];
        double diff = b - a;
        // numpy._lerp: a + diff*t, but b - diff*(1-t) for t >= 0.5 (keeps monotonicity and exact endpoints).
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /** numpy.linspace(0, 1, k + 1)[i] (step·i, last exactly 1). */
    static double linspace01(int i, int k) {
        return i == k ? 1.0 : i * (1.0 / k);
    }
}
