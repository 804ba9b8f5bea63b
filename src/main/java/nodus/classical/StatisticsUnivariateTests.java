package nodus.classical;

import java.util.TreeSet;
import nodus.statistics.UnivariateTests;

/**
 * The screening tests of the clinical model, taken from the statistics engine ({@link UnivariateTests}, checked
 * against scipy): continuous/ordinal → Mann–Whitney U (two-sided, normal approximation with tie and continuity
 * correction, as scipy {@code mannwhitneyu(method='asymptotic')}); categorical codes → Pearson χ² on the
 * categories × label table, or Fisher's exact test for a 2 × 2 table with an expected count below 5 (Cochran's
 * rule), as clinical tables are usually analysed (Table 1 of the reference study).
 */
public final class StatisticsUnivariateTests implements UnivariatePTest {

    @Override
    public double pValue(String feature, VariableType type, double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException(feature + ": both groups need cases");
        }
        if (type == VariableType.CONTINUOUS) {
            if (constant(positives, negatives)) {
                return 1.0; // a constant variable carries no information (the U test is undefined)
            }
            return UnivariateTests.mannWhitneyU(positives, negatives).p();
        }
        TreeSet<Double> levels = new TreeSet<>();
        for (double v : positives) {
            levels.add(v);
        }
        for (double v : negatives) {
            levels.add(v);
        }
        if (levels.size() < 2) {
            return 1.0;
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
        if (lv.length == 2 && smallExpected(table, positives.length, negatives.length)) {
            return UnivariateTests.fisherExact(table).p();
        }
        return UnivariateTests.chiSquare(table).p();
    }

    private static boolean constant(double[] a, double[] b) {
        double first = a[0];
        for (double v : a) {
            if (v != first) {
                return false;
            }
        }
        for (double v : b) {
            if (v != first) {
                return false;
            }
        }
        return true;
    }

    private static boolean smallExpected(long[][] table, int nPos, int nNeg) {
        double n = nPos + nNeg;
        for (long[] row : table) {
            double rowTotal = row[0] + row[1];
            if (rowTotal * nNeg / n < 5 || rowTotal * nPos / n < 5) {
                return true;
            }
        }
        return false;
    }
}
