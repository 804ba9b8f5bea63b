package nodus.classical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Principal component analysis by SVD (EJML) of the column-centred TRAIN matrix X_c = U S Vᵀ (as sklearn PCA with
 * svd_solver="full"): components are the first k rows of Vᵀ, explained variance s_i²/(n − 1), ratio
 * s_i²/Σ s_j². Sign convention (SVD signs are arbitrary): each component is flipped so that its entry of largest
 * |loading| is positive (first such entry on ties). Used to compress deep features (2,048 → 128 in the study).
 */
public final class Pca {

    private Pca() {
    }

    /** A fitted PCA: training means, k × p components, variances and what it was fitted on. */
    public record Model(List<String> featureNames, double[] mean, double[][] components, double[] explainedVariance,
                        double[] explainedVarianceRatio, FittedOn fittedOn) {
        public Model {
            featureNames = List.copyOf(featureNames);
            mean = mean.clone();
            components = Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
            explainedVariance = explainedVariance.clone();
            explainedVarianceRatio = explainedVarianceRatio.clone();
            Objects.requireNonNull(fittedOn);
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[][] components() {
            return Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public double[] explainedVariance() {
            return explainedVariance.clone();
        }

        @Override
        public double[] explainedVarianceRatio() {
            return explainedVarianceRatio.clone();
        }

        public int k() {
            return components.length;
        }

        /** Names of the projected columns: prefix + 1..k (e.g. "deep_PC1"). */
        public List<String> componentNames(String prefix) {
            List<String> n = new ArrayList<>();
            for (int i = 1; i <= k(); i++) {
                n.add(prefix + i);
            }
            return n;
        }

        /** (x − mean) · componentsᵀ for every row; columns named {@code prefix}1..k. */
        public FeatureTable project(FeatureTable t, String prefix) {
            FeatureTable s = t.select(featureNames);
            double[][] out = new double[s.rows()][k()];
            for (int i = 0; i < s.rows(); i++) {
                for (int c = 0; c < k(); c++) {
                    double v = 0;
                    for (int j = 0; j < mean.length; j++) {
                        v += (s.value(i, j) - mean[j]) * components[c][j];
                    }
                    out[i][c] = v;
                }
            }
            return new FeatureTable(s.caseIds(), componentNames(prefix), out, s.labels());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Model m && featureNames.equals(m.featureNames) && Arrays.equals(mean, m.mean)
                    && Arrays.deepEquals(components, m.components) && fittedOn.equals(m.fittedOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(featureNames, Arrays.hashCode(mean), Arrays.deepHashCode(components), fittedOn);
        }

        @Override
        public String toString() {
            return "Pca.Model[" + featureNames.size() + " → " + k() + ", fitted on " + fittedOn + "]";
        }
    }

    /** Fits k components on the TRAIN part (guarded); k ≤ min(n, p). */
    public static Model fit(PartTable train, int k) {
        FittedOn fittedOn = LeakageGuard.fitOn("pca", train);
        FeatureTable t = train.table();
        int n = t.rows();
        int p = t.columns();
        if (k < 1 || k > Math.min(n, p)) {
            throw new IllegalArgumentException("PCA components k=" + k + " must be in 1..min(n=" + n + ", p=" + p + ")");
        }
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 training cases");
        }
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                mean[j] += t.value(i, j);
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        DMatrixRMaj x = new DMatrixRMaj(n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x.unsafe_set(i, j, t.value(i, j) - mean[j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, p, false, true, true);
        if (!svd.decompose(x)) {
            throw new IllegalStateException("SVD did not converge");
        }
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj vt = svd.getV(null, true);
        SingularOps_DDRM.descendingOrder(null, false, w, vt, true);
        int r = Math.min(w.numRows, w.numCols);
        double total = 0;
        for (int i = 0; i < r; i++) {
            total += w.get(i, i) * w.get(i, i);
        }
        double[][] comp = new double[k][p];
        double[] var = new double[k];
        double[] ratio = new double[k];
        for (int c = 0; c < k; c++) {
            int arg = 0;
            for (int j = 0; j < p; j++) {
                comp[c][j] = vt.get(c, j);
                if (Math.abs(comp[c][j]) > Math.abs(comp[c][arg])) {
                    arg = j;
                }
            }
            if (comp[c][arg] < 0) {
                for (int j = 0; j < p; j++) {
                    comp[c][j] = -comp[c][j];
                }
            }
            double s2 = w.get(c, c) * w.get(c, c);
            var[c] = s2 / (n - 1);
            ratio[c] = s2 / total;
        }
        return new Model(t.featureNames(), mean, comp, var, ratio, fittedOn);
    }
}
