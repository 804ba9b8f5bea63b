package nodus.radiomics;

/**
 * pyradiomics' grey-level discretisation ({@code imageoperations.getBinEdges} + {@code binImage}), reproduced
 * operation by operation so that values at bin edges fall in the same bin.
 *
 * <p>Fixed bin width w (default): edges = {@code numpy.arange(lo, max + 2w, w)} with
 * {@code lo = min - (min mod w)} (Python modulo, sign of w), min/max over the ROI; a value x gets
 * {@code numpy.digitize(x, edges)} = number of edges ≤ x. Mathematically this is
 * {@code floor(x/w) − floor(min/w) + 1}. Fixed bin count n: edges = {@code numpy.histogram(roi, n)} edges (linspace
 * from min to max), the last edge raised by 1.
 */
final class Discretisation {

    private Discretisation() {
    }

    /** The bin edges for the ROI values, as pyradiomics computes them. */
    static double[] edges(double[] roiValues, double binWidth, Integer binCount) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : roiValues) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (binCount != null) {
            double first = min;
            double last = max;
            if (first == last) { // numpy.histogram's _get_outer_edges
                first -= 0.5;
                last += 0.5;
            }
            int num = binCount + 1;
            double delta = last - first;
            double step = delta / binCount;
            double[] e = new double[num];
            for (int i = 0; i < num; i++) {
                // numpy.linspace: y = arange(num) * step + start (or / div * delta when step == 0), last = stop
                e[i] = step == 0 ? (i / (double) binCount) * delta + first : i * step + first;
            }
            e[num - 1] = last;
            e[num - 1] += 1;
            return e;
        }
        double lowBound = min - pyMod(min, binWidth);
        double highBound = max + 2 * binWidth;
        // numpy.arange length: ceil((stop - start) / step); values start + i * ((start + step) - start)
        int n = (int) Math.ceil((highBound - lowBound) / binWidth);
        double[] e = new double[Math.max(n, 0)];
        if (n > 0) {
            e[0] = lowBound;
        }
        if (n > 1) {
            e[1] = lowBound + binWidth;
            double delta = e[1] - e[0];
            for (int i = 2; i < n; i++) {
                e[i] = lowBound + i * delta;
            }
        }
        if (e.length == 1) { // flat region: one bin, as numpy.histogram with 1 bin
            return new double[] {e[0] - 0.5, e[0] + 0.5};
        }
        return e;
    }

    /** numpy.digitize(x, edges) for increasing edges: the number of edges ≤ x. */
    static int digitize(double x, double[] edges) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) { // first index with edges[i] > x
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Python's float modulo: result has the sign of the divisor. */
    static double pyMod(double a, double b) {
        double m = a % b;
        if (m != 0 && ((b < 0) != (m < 0))) {
            m += b;
        }
        return m;
    }

    static int[] discretise(double[] roiValues, double binWidth, Integer binCount) {
        double[] e = edges(roiValues, binWidth, binCount);
        int[] out = new int[roiValues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = digitize(roiValues[i], e);
        }
        return out;
    }
}
