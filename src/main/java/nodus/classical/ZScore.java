package nodus.classical;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * z-score standardisation z = (x − mean) / sd with mean and population sd (ddof = 0, as numpy's std and
 * sklearn's StandardScaler) estimated on the TRAIN part only and then applied unchanged to every part.
 */
public final class ZScore {

    private ZScore() {
    }

    /** Fitted parameters, per feature. A constant training column gets sd = 1 (z = x − mean), as StandardScaler. */
    public record Params(List<String> featureNames, double[] mean, double[] sd, FittedOn fittedOn) {
        public Params {
            featureNames = List.copyOf(featureNames);
            mean = mean.clone();
            sd = sd.clone();
            Objects.requireNonNull(fittedOn);
            if (mean.length != featureNames.size() || sd.length != featureNames.size()) {
                throw new IllegalArgumentException("mean/sd length differs from the number of features");
            }
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] sd() {
            return sd.clone();
        }

        /** Standardises the named features of {@code t} (same names required, any order; extra columns dropped). */
        public FeatureTable apply(FeatureTable t) {
            FeatureTable s = t.select(featureNames);
            double[][] v = s.values();
            for (double[] row : v) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (row[j] - mean[j]) / sd[j];
                }
            }
            return new FeatureTable(s.caseIds(), featureNames, v, s.labels());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Params p && featureNames.equals(p.featureNames) && Arrays.equals(mean, p.mean)
                    && Arrays.equals(sd, p.sd) && fittedOn.equals(p.fittedOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(featureNames, Arrays.hashCode(mean), Arrays.hashCode(sd), fittedOn);
        }

        @Override
        public String toString() {
            return "ZScore.Params[" + featureNames.size() + " features, fitted on " + fittedOn + "]";
        }
    }

    public static Params fit(PartTable train) {
        FittedOn fittedOn = LeakageGuard.fitOn("z-score", train);
        FeatureTable t = train.table();
        int n = t.rows();
        double[] mean = new double[t.columns()];
        double[] sd = new double[t.columns()];
        for (int j = 0; j < t.columns(); j++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += t.value(i, j);
            }
            m /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = t.value(i, j) - m;
                ss += d * d;
            }
            mean[j] = m;
            double s = Math.sqrt(ss / n);
            sd[j] = s == 0 ? 1.0 : s;
        }
        return new Params(t.featureNames(), mean, sd, fittedOn);
    }
}
