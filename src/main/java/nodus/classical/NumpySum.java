package nodus.classical;

/**
 * Float64 sums rounded exactly as numpy rounds them, so that a choice made on a mean (the LASSO C) is decided by
 * the same bits as in the scikit-learn/numpy reference. Fold AUCs are ratios of small integers, so two C values
 * often have mathematically equal mean AUCs and only the rounding of the summation separates them.
 *
 * <p>numpy ({@code numpy/_core/src/umath/loops_utils.h.src}, {@code DOUBLE_pairwise_sum}, PW_BLOCKSIZE 128) sums a
 * reduction along a <em>contiguous</em> axis pairwise; a reduction along a strided axis (e.g. {@code axis=0} of a
 * C-ordered 2-D array) is done row after row, i.e. sequentially per output element.
 */
final class NumpySum {

    /** numpy's PW_BLOCKSIZE: blocks up to this length are summed with 8 accumulators, longer ones are split. */
    static final int BLOCK = 128;

    private NumpySum() {
    }

    /**
     * {@code np.add.reduce} of a 1-D contiguous float64 array: 0.0 (the add identity) + pairwise_sum(x). For
     * n &lt; 8 a plain loop from 0.0; for 8 ≤ n ≤ 128 eight accumulators seeded with x[0..7], stepped by 8 up to the
     * largest multiple of 8, combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the remainder added one by one;
     * for n &gt; 128 split at n/2 rounded down to a multiple of 8 and recurse.
     */
    static double pairwise(double[] x) {
        return 0.0 + pairwise(x, 0, x.length);
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
        }
    }

    /** {@code np.mean} of a 1-D contiguous float64 array: {@link #pairwise} / n. */
    static double mean(double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("mean of an empty array");
        }
        return pairwise(x) / x.length;
    }

    /** Sum along a strided axis (numpy adds the rows one after another): ((0 + x0) + x1) + … */
    static double sequential(double[] x) {
        double res = 0.0;
        for (double v : x) {
            res += v;
        }
        return res;
    }
}
