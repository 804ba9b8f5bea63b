package nodus.radiomics.filter;

/** Shared helper of the intensity (point) filters. */
final class PointFilters {

    private PointFilters() {
    }

    /**
     * {@code numpy.max(numpy.abs(im))}: the scale of pyradiomics' square/root/log/exp filters. NaN propagates as
     * in numpy.
     */
    static double maxAbs(double[] px) {
        double m = 0;
        for (double v : px) {
            double a = Math.abs(v);
            if (a > m || Double.isNaN(a)) {
                m = a;
                if (Double.isNaN(a)) {
                    return a;
                }
            }
        }
        return m;
    }
}
