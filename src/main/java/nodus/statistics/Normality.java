package nodus.statistics;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * D'Agostino's skewness test and Anscombe–Glynn kurtosis test combined into K² (formulas as scipy.stats skewtest,
 * kurtosistest, normaltest; moments biased, i.e. divided by n).
 */
final class Normality {

    private Normality() {
    }

    static TestResult dagostinoPearson(double[] x) {
        int len = x.length;
        if (len < 8) {
            throw new IllegalArgumentException("the D'Agostino–Pearson test needs at least 8 values, got " + len);
        }
        double n = len;
        double mean = 0;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("normality test: values must be finite");
            }
            mean += v;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double zs = skewZ(m3 / Math.pow(m2, 1.5), n);
        double zk = kurtosisZ(m4 / (m2 * m2), n);
        double k2 = zs * zs + zk * zk;
        double p = Double.isNaN(k2) ? Double.NaN : ChiSquaredDistribution.of(2).survivalProbability(k2);
        return new TestResult("dagostino_pearson", k2, 2, p);
    }

    private static double skewZ(double b2, double n) {
        double y = b2 * Math.sqrt(((n + 1) * (n + 3)) / (6.0 * (n - 2)));
        double beta2 = 3.0 * (n * n + 27 * n - 70) * (n + 1) * (n + 3)
                / ((n - 2.0) * (n + 5) * (n + 7) * (n + 9));
        double w2 = -1 + Math.sqrt(2 * (beta2 - 1));
        double delta = 1 / Math.sqrt(0.5 * Math.log(w2));
        double alpha = Math.sqrt(2.0 / (w2 - 1));
        if (y == 0) {
            y = 1;
        }
        double ya = y / alpha;
        return delta * Math.log(ya + Math.sqrt(ya * ya + 1));
    }

    private static double kurtosisZ(double b2, double n) {
        double e = 3.0 * (n - 1) / (n + 1);
        double varb2 = 24.0 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1.0) * (n + 3) * (n + 5));
        double x = (b2 - e) / Math.sqrt(varb2);
        double sqrtbeta1 = 6.0 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9))
                * Math.sqrt((6.0 * (n + 3) * (n + 5)) / (n * (n - 2) * (n - 3)));
        double a = 6.0 + 8.0 / sqrtbeta1 * (2.0 / sqrtbeta1 + Math.sqrt(1 + 4.0 / (sqrtbeta1 * sqrtbeta1)));
        double term1 = 1 - 2 / (9.0 * a);
        double denom = 1 + x * Math.sqrt(2 / (a - 4.0));
        double term2 = denom == 0 ? Double.NaN
                : Math.signum(denom) * Math.cbrt((1 - 2.0 / a) / Math.abs(denom));
        return (term1 - term2) / Math.sqrt(2 / (9.0 * a));
    }
}
