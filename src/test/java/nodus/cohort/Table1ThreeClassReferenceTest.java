package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nodus.statistics.TestResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Table 1 of a 3-class task against scipy 1.17.1 on the same numbers: iris (3 × 50) plus derived columns, made by
 * src/test/resources/cohort/make_threeclass_reference.py (iris3.csv, threeclass_tests.csv). Continuous variables:
 * {@code f_oneway} and {@code kruskal} for every variable, and the test Table 1 picks must be the one the script's
 * normality rule picks (ANOVA when every class has n ≥ 20 and {@code normaltest} p &gt; 0.05, else Kruskal–Wallis);
 * categorical variables: {@code chi2_contingency(correction=False)} on the levels × 3 table. p-values to 1e-9
 * absolute and 1e-6 relative, statistics to 1e-9 relative.
 */
class Table1ThreeClassReferenceTest {

    private static final List<String> NUMERIC = List.of("sl", "sw", "pl", "pw", "mod", "mix");
    private static final List<String> CATEGORICAL = List.of("mod_band", "sw_band", "band2");
    private static final List<ClinicalCase> CASES = new ArrayList<>();
    private static int[] labels;
    private static ClinicalTable reference;

    @BeforeAll
    static void load() throws IOException {
        ClinicalTable data = TableReader.readCsv("iris3.csv", text("iris3.csv"));
        reference = TableReader.readCsv("threeclass_tests.csv", text("threeclass_tests.csv"));
        labels = new int[data.rows().size()];
        for (int i = 0; i < data.rows().size(); i++) {
            Map<String, String> values = new HashMap<>();
            for (String h : data.headers()) {
                values.put(h, data.cell(i, h));
            }
            labels[i] = Integer.parseInt(data.cell(i, "label"));
            CASES.add(new ClinicalCase(i + 1, 1, "r" + i, "r" + i, values, List.of(), i + 2));
        }
    }

    private static String text(String name) throws IOException {
        try (InputStream in = Table1ThreeClassReferenceTest.class.getResourceAsStream("/cohort/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> ref(String variable) {
        for (int i = 0; i < reference.rows().size(); i++) {
            if (reference.cell(i, "variable").equals(variable)) {
                Map<String, String> m = new HashMap<>();
                for (String h : reference.headers()) {
                    m.put(h, reference.cell(i, h));
                }
                return m;
            }
        }
        throw new IllegalArgumentException(variable);
    }

    private static void assertP(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9));
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-6 * expected);
    }

    private static void assertStatistic(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-9 * Math.abs(expected));
    }

    private static List<double[]> groups(String variable) {
        List<double[]> groups = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            int kk = k;
            groups.add(java.util.stream.IntStream.range(0, CASES.size()).filter(i -> labels[i] == kk)
                    .mapToDouble(i -> CASES.get(i).number(variable)).toArray());
        }
        return groups;
    }

    private static Table1 table() {
        List<Variable> vars = new ArrayList<>();
        NUMERIC.forEach(v -> vars.add(Variable.numeric(v, VariableRole.PREDICTOR)));
        CATEGORICAL.forEach(v -> vars.add(Variable.categorical(v, VariableRole.PREDICTOR, List.of())));
        return Table1Builder.build(vars, CASES, labels, List.of("setosa", "versicolor", "virginica"), null, null);
    }

    private static Table1.Row row(Table1 t, String variable) {
        return t.rows().stream().filter(r -> r.variable().equals(variable) && r.level() == null).findFirst()
                .orElseThrow();
    }

    @Test
    void anovaAndKruskalWallisEqualScipy() {
        for (String v : NUMERIC) {
            Map<String, String> ref = ref(v);
            TestResult a = GroupTests.anova(groups(v));
            assertStatistic(a.statistic(), Double.parseDouble(ref.get("anova_F")));
            assertP(a.p(), Double.parseDouble(ref.get("anova_p")));
            assertThat(a.df()).isEqualTo(2);
            TestResult kw = GroupTests.kruskalWallis(groups(v));
            assertStatistic(kw.statistic(), Double.parseDouble(ref.get("kruskal_H")));
            assertP(kw.p(), Double.parseDouble(ref.get("kruskal_p")));
        }
    }

    @Test
    void table1PicksTheTestByTheNormalityRuleAndMatchesScipy() {
        Table1 t = table();
        assertThat(t.counts().get(0)).containsExactly(50, 50, 50);
        List<String> chosen = new ArrayList<>();
        for (String v : NUMERIC) {
            Map<String, String> ref = ref(v);
            Table1.Row r = row(t, v);
            String test = r.test().get(0);
            assertThat(test).as(v).isEqualTo(ref.get("chosen"));
            chosen.add(test);
            assertP(r.p()[0], Double.parseDouble(ref.get(test.equals("anova") ? "anova_p" : "kruskal_p")));
        }
        // The reference data exercise both branches.
        assertThat(chosen).contains("anova", "kruskal_wallis");
        for (String v : CATEGORICAL) {
            Map<String, String> ref = ref(v);
            Table1.Row r = row(t, v);
            assertThat(r.test().get(0)).isEqualTo("chi_square");
            assertP(r.p()[0], Double.parseDouble(ref.get("chi2_p")));
            long[][] table = levelsByClass(v);
            TestResult c = Table1Builder.association(table);
            assertStatistic(c.statistic(), Double.parseDouble(ref.get("chi2")));
            assertThat(c.df()).isEqualTo(Double.parseDouble(ref.get("chi2_df")));
        }
    }

    private static long[][] levelsByClass(String variable) {
        List<String> levels = CASES.stream().map(c -> c.value(variable)).distinct().sorted().toList();
        long[][] t = new long[levels.size()][3];
        for (int i = 0; i < CASES.size(); i++) {
            t[levels.indexOf(CASES.get(i).value(variable))][labels[i]]++;
        }
        return t;
    }

    @Test
    void kruskalWallisOfConstantDataHasNoPValueAndSmallGroupsFallBack() {
        TestResult same = GroupTests.kruskalWallis(List.of(new double[] {1, 1}, new double[] {1, 1},
                new double[] {1, 1}));
        assertThat(same.p()).isNaN();
        // Only two classes with data: the two-group rule (t test / Mann–Whitney U).
        TestResult two = GroupTests.compare(List.of(new double[] {1, 2, 3}, new double[] {4}, new double[] {5, 6, 7}));
        assertThat(two.test()).isEqualTo("mann_whitney_u");
        assertThat(GroupTests.compare(List.of(new double[] {1}, new double[] {2}, new double[] {3}))).isNull();
    }
}
