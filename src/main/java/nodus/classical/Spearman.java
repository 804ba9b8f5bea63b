package nodus.classical;

/**
 * Spearman rank correlation: Pearson correlation of the average ranks (scipy.stats.spearmanr). A constant
 * column has no defined correlation; it is reported as NaN and treated as uncorrelated by the filter.
 */
public final class Spearman {

    private Spearman() {
    }

    /** Correlation matrix of the columns of {@code t} (columns × columns). */
    public static double[][] matrix(FeatureTable t) {
        int p = t.columns();
        double[][] centred = new double[p][];
        double[] norm = new double[p];
        for (int j = 0; j < p; j++) {
            double[] r = Ranks.average(t.column(j));
            double mean = 0;
            for (double v : r) {
                mean += v;
            }
            mean /= r.length;
            double ss = 0;
            for (int i = 0; i < r.length; i++) {
                r[i] -= mean;
                ss += r[i] * r[i];
            }
            centred[j] = r;
            norm[j] = Math.sqrt(ss);
        }
        double[][] rho = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double s = 0;
                for (int i = 0; i < centred[a].length; i++) {
                    s += centred[a][i] * centred[b][i];
                }
                double v = (norm[a] == 0 || norm[b] == 0) ? Double.NaN : s / (norm[a] * norm[b]);
                if (a == b && !Double.isNaN(v)) {
                    v = 1.0;
                }
                rho[a][b] = v;
                rho[b][a] = v;
            }
        }
        return rho;
    }
}
