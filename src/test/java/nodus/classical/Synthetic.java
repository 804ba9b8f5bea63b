package nodus.classical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded synthetic cohort with a known signal: clinical variables (age, size, a binary category and pure noise),
 * a radscore column and 40-d "deep features" whose first three dimensions carry the label.
 */
final class Synthetic {

    final FeatureTable all;
    final Map<String, double[]> deep = new HashMap<>();

    Synthetic(int n, long seed) {
        Random r = new Random(seed);
        List<String> ids = new ArrayList<>();
        double[][] v = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String id = "case" + i;
            ids.add(id);
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            double age = 50 + 10 * y[i] + 10 * r.nextGaussian();
            double size = 2 + 0.8 * y[i] + r.nextGaussian();
            double cat = r.nextDouble() < 0.3 + 0.3 * y[i] ? 1 : 0;
            double noise = r.nextGaussian();
            double radscore = -1 + 2 * y[i] + 1.2 * r.nextGaussian();
            v[i] = new double[] {age, size, cat, noise, radscore};
            double[] d = new double[40];
            for (int j = 0; j < d.length; j++) {
                d[j] = (j < 3 ? 1.0 * y[i] : 0.0) + r.nextGaussian();
            }
            deep.put(id, d);
        }
        all = new FeatureTable(ids, List.of("age", "size", "category", "noise", "radscore"), v, y);
    }

    DeepFeatureSource deepSource() {
        return new DeepFeatureSource() {
            @Override
            public int dimension() {
                return 40;
            }

            @Override
            public double[] features(String caseId) {
                return deep.get(caseId).clone();
            }
        };
    }

    /** Rows [from, to). */
    FeatureTable part(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return all.rows(idx);
    }

    static final Map<String, VariableType> TYPES = Map.of("age", VariableType.CONTINUOUS, "size",
            VariableType.CONTINUOUS, "category", VariableType.CATEGORICAL, "noise", VariableType.CONTINUOUS);

    /** Brute-force AUC, independent of the code under test: P(score_pos > score_neg) + ½ P(equal). */
    static double bruteForceAuc(double[] s, int[] y) {
        double num = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    num += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return num / pairs;
    }
}
