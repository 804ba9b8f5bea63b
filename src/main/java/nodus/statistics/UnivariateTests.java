package nodus.statistics;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The two-group tests of Table 1 and clinical screening, all two-sided, on commons-statistics-inference 1.2 and
 * checked against scipy 1.17.1 ({@code ttest_ind}, {@code mannwhitneyu}, {@code chi2_contingency},
 * {@code fisher_exact}, {@code normaltest}).
 */
public final class UnivariateTests {

    /** Significance level of {@link #looksNormal}. */
    public static final double NORMALITY_ALPHA = 0.05;
    /** Smallest sample {@link #looksNormal} judges (the kurtosis test is unreliable below 20, scipy warns). */
    public static final int NORMALITY_MIN_N = 20;

    private UnivariateTests() {
    }

    /** Student's t test with pooled variance (scipy ttest_ind equal_var=True); statistic sign = mean(a) − mean(b). */
    public static TestResult studentT(double[] a, double[] b) {
        TTest.Result r = TTest.withDefaults().with(DataDispersion.HOMOSCEDASTIC).test(a, b);
        return new TestResult("student_t", r.getStatistic(), r.getDegreesOfFreedom(), r.getPValue());
    }

    /** Welch's t test with Welch–Satterthwaite df (scipy ttest_ind equal_var=False). */
    public static TestResult welchT(double[] a, double[] b) {
        TTest.Result r = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(a, b);
        return new TestResult("welch_t", r.getStatistic(), r.getDegreesOfFreedom(), r.getPValue());
    }

    /**
     * Mann–Whitney U, normal approximation with tie correction of the variance and continuity correction
     * (scipy mannwhitneyu method='asymptotic', use_continuity=True; R wilcox.test(exact=FALSE, correct=TRUE)).
     * Statistic = U of group a = R_a − n_a(n_a+1)/2.
     */
    public static TestResult mannWhitneyU(double[] a, double[] b) {
        return mannWhitneyU(a, b, true);
    }

    public static TestResult mannWhitneyU(double[] a, double[] b, boolean continuityCorrection) {
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults()
                .with(AlternativeHypothesis.TWO_SIDED)
                .with(PValueMethod.ASYMPTOTIC)
                .with(continuityCorrection ? ContinuityCorrection.ENABLED : ContinuityCorrection.DISABLED)
                .test(a, b);
        return new TestResult("mann_whitney_u", r.getStatistic(), Double.NaN, r.getPValue());
    }

    /** Pearson χ² test of independence on an r×c table of counts, no continuity correction; df = (r−1)(c−1). */
    public static TestResult chiSquare(long[][] table) {
        SignificanceResult r = ChiSquareTest.withDefaults().test(table);
        return new TestResult("chi_square", r.getStatistic(), (table.length - 1.0) * (table[0].length - 1.0),
                r.getPValue());
    }

    /**
     * Pearson χ² with Yates' continuity correction for a 2×2 table (scipy chi2_contingency correction=True):
     * each |O − E| is reduced by min(0.5, |O − E|).
     */
    public static TestResult chiSquareYates(long[][] table) {
        requireTwoByTwo(table);
        double total = 0;
        double[] rows = new double[2];
        double[] cols = new double[2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                rows[i] += table[i][j];
                cols[j] += table[i][j];
                total += table[i][j];
            }
        }
        double stat = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double e = rows[i] * cols[j] / total;
                if (e == 0) {
                    throw new IllegalArgumentException("row or column " + (rows[i] == 0 ? "row " + i : "column " + j)
                            + " of the table is all zero");
                }
                double d = Math.max(0, Math.abs(table[i][j] - e) - 0.5);
                stat += d * d / e;
            }
        }
        return new TestResult("chi_square_yates", stat, 1, ChiSquaredDistribution.of(1).survivalProbability(stat));
    }

    /** Fisher's exact test, 2×2, two-sided (p of all tables no more likely than the observed); statistic = odds ratio. */
    public static TestResult fisherExact(long[][] table) {
        requireTwoByTwo(table);
        int[][] t = new int[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                t[i][j] = Math.toIntExact(table[i][j]);
            }
        }
        SignificanceResult r = FisherExactTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(t);
        return new TestResult("fisher_exact", r.getStatistic(), Double.NaN, r.getPValue());
    }

    /**
     * D'Agostino–Pearson K² omnibus normality test (D'Agostino 1971, D'Agostino &amp; Pearson 1973; scipy
     * {@code normaltest}); K² ~ χ²(2). Needs n ≥ 8.
     */
    public static TestResult normality(double[] x) {
        return Normality.dagostinoPearson(x);
    }

    /**
     * Whether a sample may be treated as normal for the choice "t test or Mann–Whitney" in Table 1: true when
     * n ≥ {@value #NORMALITY_MIN_N} and the D'Agostino–Pearson K² test does not reject at α = 0.05. Small or
     * constant samples answer false, which steers callers to the rank test (the safe default).
     */
    public static boolean looksNormal(double[] x) {
        if (x.length < NORMALITY_MIN_N) {
            return false;
        }
        double p = Normality.dagostinoPearson(x).p();
        return !Double.isNaN(p) && p > NORMALITY_ALPHA;
    }

    private static void requireTwoByTwo(long[][] table) {
        if (table.length != 2 || table[0].length != 2 || table[1].length != 2) {
            throw new IllegalArgumentException("need a 2×2 table");
        }
    }
}
