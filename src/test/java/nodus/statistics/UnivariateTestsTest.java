package nodus.statistics;

import static nodus.statistics.Reference.TOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WDBC malignant vs benign (univariate_tests.csv, scipy 1.17.1 ttest_ind / mannwhitneyu asymptotic), the chi-square
 * and Fisher tables of reference_values.json, and D'Agostino–Pearson values of extra_reference.json (scipy
 * normaltest). p-values down to 1e-96 are also checked relatively (1e-6 %).
 */
class UnivariateTestsTest {

    private static final List<String[]> FEATURES = Reference.csv("univariate_features.csv");
    private static final String[] NAMES = {"mean_radius", "mean_texture", "mean_smoothness",
            "mean_fractal_dimension", "texture_error"};

    private static double[] group(int feature, int label) {
        return FEATURES.stream().filter(r -> Integer.parseInt(r[1]) == label)
                .mapToDouble(r -> Double.parseDouble(r[2 + feature])).toArray();
    }

    private static void assertP(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-12));
        assertThat(actual).isCloseTo(expected, withinPercentage(1e-6));
    }

    @Test
    void tTestsAndMannWhitneyEqualScipy() {
        List<String[]> ref = Reference.csv("univariate_tests.csv");
        for (String[] r : ref) {
            int f = List.of(NAMES).indexOf(r[0]);
            double[] malignant = group(f, 1);
            double[] benign = group(f, 0);
            assertThat(malignant.length).isEqualTo(Integer.parseInt(r[1]));
            assertThat(benign.length).isEqualTo(Integer.parseInt(r[2]));

            TestResult st = UnivariateTests.studentT(malignant, benign);
            assertThat(st.statistic()).as(r[0]).isCloseTo(Double.parseDouble(r[3]), within(TOL));
            assertP(st.p(), Double.parseDouble(r[4]));
            assertThat(st.df()).isEqualTo(malignant.length + benign.length - 2.0);

            TestResult wt = UnivariateTests.welchT(malignant, benign);
            assertThat(wt.statistic()).as(r[0]).isCloseTo(Double.parseDouble(r[5]), within(TOL));
            assertP(wt.p(), Double.parseDouble(r[6]));
            assertThat(wt.df()).isCloseTo(Double.parseDouble(r[7]), within(TOL));

            TestResult mw = UnivariateTests.mannWhitneyU(malignant, benign);
            assertThat(mw.statistic()).as(r[0]).isEqualTo(Double.parseDouble(r[8]));
            assertP(mw.p(), Double.parseDouble(r[9]));
            assertP(UnivariateTests.mannWhitneyU(malignant, benign, false).p(), Double.parseDouble(r[10]));
        }
    }

    @Test
    void smallHandSizedSamples() {
        JsonNode s = Reference.json("extra_reference.json").get("small_two_sample");
        double[] a = Reference.doubles(s.get("a"));
        double[] b = Reference.doubles(s.get("b"));
        // means 12/5 = 2.4 and 29/6; pooled sd² = (5.2 + 20.833…)/9 → t = −2.4591…
        assertThat(UnivariateTests.studentT(a, b).statistic()).isCloseTo(s.at("/student/0").asDouble(), within(TOL));
        assertThat(UnivariateTests.studentT(a, b).p()).isCloseTo(s.at("/student/1").asDouble(), within(TOL));
        assertThat(UnivariateTests.welchT(a, b).statistic()).isCloseTo(s.at("/welch/0").asDouble(), within(TOL));
        assertThat(UnivariateTests.welchT(a, b).df()).isCloseTo(s.get("welch_df").asDouble(), within(TOL));
        // U of a: pairs a > b count 1, ties ½: 2 vs 2 (×2 = 1), 3 > 2 (1), 3 vs 3 (½), 4 > 2, 4 > 3 (2) → 4.5
        TestResult mw = UnivariateTests.mannWhitneyU(a, b);
        assertThat(mw.statistic()).isEqualTo(4.5);
        assertThat(mw.p()).isCloseTo(s.at("/mwu/1").asDouble(), within(TOL));
    }

    @Test
    void chiSquareAndFisherOnCategoricalTables() {
        JsonNode chi = Reference.json("reference_values.json").get("chi_square");
        // rebuild the tables from the per-row categories (categorical_vars.csv), rows = category, cols = label
        long[][] tertile = new long[3][2];
        long[][] area = new long[2][2];
        for (String[] r : Reference.csv("categorical_vars.csv")) {
            int label = Integer.parseInt(r[1]);
            tertile[Integer.parseInt(r[2])][label]++;
            area[Integer.parseInt(r[3])][label]++;
        }
        JsonNode t3 = chi.get("texture_tertile_x_label");
        assertThat(tertile[1][1]).isEqualTo(t3.at("/table_rows_tertile0..2_cols_label0,1/1/1").asLong());
        TestResult c3 = UnivariateTests.chiSquare(tertile);
        assertThat(c3.statistic()).isCloseTo(t3.get("chi2").asDouble(), within(TOL));
        assertThat(c3.df()).isEqualTo(2);
        assertP(c3.p(), t3.get("p").asDouble());

        JsonNode a2 = chi.get("area_gt_700_x_label");
        assertThat(area[1][1]).isEqualTo(a2.at("/table_rows_area<=700,>700_cols_label0,1/1/1").asLong());
        TestResult c2 = UnivariateTests.chiSquare(area);
        assertThat(c2.statistic()).isCloseTo(a2.get("chi2_no_correction").asDouble(), within(TOL));
        assertP(c2.p(), a2.get("p_no_correction").asDouble());
        TestResult y2 = UnivariateTests.chiSquareYates(area);
        assertThat(y2.statistic()).isCloseTo(a2.get("chi2_yates").asDouble(), within(TOL));
        assertP(y2.p(), a2.get("p_yates").asDouble());
        TestResult f = UnivariateTests.fisherExact(area);
        assertP(f.p(), a2.get("fisher_exact_p").asDouble());
        JsonNode extra = Reference.json("extra_reference.json").get("fisher");
        assertThat(f.statistic()).isCloseTo(extra.get("area_odds_ratio").asDouble(), within(TOL));
    }

    @Test
    void smallTwoByTwoByHand() {
        // [[3,1],[1,3]]: hypergeometric with margins 4/4/4/4, P(X=k) = C(4,k)C(4,4-k)/C(8,4) = {1,16,36,16,1}/70;
        // P(X=3) = 16/70, two-sided sums tables no more likely: (1+16+16+1)/70 = 34/70 = 0.4857…
        long[][] t = {{3, 1}, {1, 3}};
        assertThat(UnivariateTests.fisherExact(t).p()).isCloseTo(34.0 / 70, within(1e-12));
        assertThat(UnivariateTests.fisherExact(t).statistic()).isEqualTo(9.0); // odds ratio 3·3 / (1·1)
        // E = 2 in every cell, |O − E| = 1 → Yates (1 − 0.5)²/2 × 4 = 0.5; Pearson 1/2 × 4 = 2
        assertThat(UnivariateTests.chiSquareYates(t).statistic()).isCloseTo(0.5, within(1e-12));
        assertThat(UnivariateTests.chiSquare(t).statistic()).isCloseTo(2.0, within(1e-12));
        JsonNode y = Reference.json("extra_reference.json").get("yates_small");
        assertThat(UnivariateTests.chiSquareYates(t).p()).isCloseTo(y.get("p").asDouble(), within(TOL));
    }

    @Test
    void dagostinoPearsonEqualsScipyNormaltest() {
        JsonNode nt = Reference.json("extra_reference.json").get("normaltest");
        for (int f = 0; f < NAMES.length; f++) {
            for (String g : new String[] {"malignant", "benign"}) {
                double[] x = group(f, g.equals("malignant") ? 1 : 0);
                TestResult r = UnivariateTests.normality(x);
                JsonNode e = nt.at("/" + NAMES[f] + "/" + g);
                assertThat(r.statistic()).as(NAMES[f] + " " + g).isCloseTo(e.get("k2").asDouble(), within(1e-9));
                assertThat(r.p()).as(NAMES[f] + " " + g).isCloseTo(e.get("p").asDouble(), within(1e-12));
                assertThat(UnivariateTests.looksNormal(x)).isEqualTo(e.get("p").asDouble() > 0.05);
            }
        }
        JsonNode gauss = nt.get("gaussian50");
        double[] x = Reference.doubles(gauss.get("values"));
        assertThat(UnivariateTests.normality(x).p()).isCloseTo(gauss.get("p").asDouble(), within(1e-12));
        assertThat(UnivariateTests.looksNormal(x)).isEqualTo(gauss.get("p").asDouble() > 0.05);
        // too small or constant samples are never called normal
        assertThat(UnivariateTests.looksNormal(new double[] {1, 2, 3, 4, 5})).isFalse();
        assertThat(UnivariateTests.looksNormal(new double[25])).isFalse();
    }
}
