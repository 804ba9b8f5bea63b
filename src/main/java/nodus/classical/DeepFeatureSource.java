package nodus.classical;

import java.util.ArrayList;
import java.util.List;

/**
 * Deep features of a case (e.g. the 2,048-d pooled vector of a fine-tuned backbone), supplied by the deep
 * learning side (or synthetic vectors in tests) without classical depending on it.
 */
public interface DeepFeatureSource {

    /** Length of every vector. */
    int dimension();

    /** The feature vector of the case; must have {@link #dimension()} finite values. */
    double[] features(String caseId);

    /** A table with columns deep_0 … deep_{d−1} for the cases (and labels) of {@code cases}. */
    default FeatureTable table(FeatureTable cases) {
        int d = dimension();
        List<String> names = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            names.add("deep_" + j);
        }
        double[][] v = new double[cases.rows()][];
        for (int i = 0; i < v.length; i++) {
            String id = cases.caseIds().get(i);
            double[] f = features(id);
            if (f == null || f.length != d) {
                throw new IllegalArgumentException("deep features of case '" + id + "' have length "
                        + (f == null ? "null" : f.length) + ", expected " + d);
            }
            v[i] = f;
        }
        return new FeatureTable(cases.caseIds(), names, v, cases.labels());
    }
}
