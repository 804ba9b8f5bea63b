package nodus.classical;

import java.util.TreeSet;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Default screening tests with Commons Statistics: continuous → Mann–Whitney U (two-sided; Commons defaults:
 * exact p for small samples without ties, else normal approximation with tie and continuity correction);
 * categorical → Pearson χ² on the categories × label table, or Fisher's exact test for a 2 × 2 table with an
 * expected count below 5 (Cochran's rule), as clinical tables are usually analysed.
 */
public final class CommonsUnivariateTests implements UnivariatePTest {

    @Override
    public double pValue(String feature, VariableType type, double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException(feature + ": both groups need cases");
        }
        if (type == VariableType.CONTINUOUS) {
            return MannWhitneyUTest.withDefaults().test(positives, negatives).getPValue();
        }
        TreeSet<Double> levels = new TreeSet<>();
        for (double v : positives) {
            levels.add(v);
        }
        for (double v : negatives) {
            levels.add(v);
        }
        if (levels.size() < 2) {
            return 1.0; // a constant variable carries no information
        }
        Double[] lv = levels.toArray(new Double[0]);
        long[][] table = new long[lv.length][2];
        for (int i = 0; i < lv.length; i++) {
            for (double v : positives) {
                table[i][1] += v == lv[i] ? 1 : 0;
            }
            for (double v : negatives) {
                table[i][0] += v == lv[i] ? 1 : 0;
            }
        }
        if (lv.length == 2) {
            double n = positives.length + negatives.length;
            boolean small = false;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double expected = (table[i][0] + table[i][1]) * (double) (j == 1 ? positives.length : negatives.length) / n;
                    small |= expected < 5;
                }
            }
            if (small) {
                int[][] t = {{(int) table[0][0], (int) table[0][1]}, {(int) table[1][0], (int) table[1][1]}};
                return FisherExactTest.withDefaults().test(t).getPValue();
            }
        }
        return ChiSquareTest.withDefaults().test(table).getPValue();
    }
}
