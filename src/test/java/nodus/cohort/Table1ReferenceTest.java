package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nodus.statistics.TestResult;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Table 1 p-values against scipy 1.17.1 on the same numbers (WDBC, malignant vs benign): ttest_ind / mannwhitneyu
 * (asymptotic, tie and continuity corrected) from /work/shared/reference/univariate_tests.csv, chi2_contingency
 * (correction=False) from reference_values.json → chi_square, and fisher_exact from make_fisher_reference.py —
 * copied into src/test/resources/cohort/. Tolerance 1e-9 absolute and 1e-6 relative.
 */
class Table1ReferenceTest {

    private static final List<String> NUMERIC = new ArrayList<>();
    private static List<ClinicalCase> cases;
    private static int[] labels;
    private static final Map<String, Map<String, Double>> REF = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        ClinicalTable ref = TableReader.readCsv("univariate_tests.csv", text("univariate_tests.csv"));
        for (int i = 0; i < ref.rows().size(); i++) {
            String f = ref.cell(i, "feature");
            NUMERIC.add(f);
            Map<String, Double> m = new HashMap<>();
            for (String h : ref.headers()) {
                if (!h.equals("feature")) {
                    m.put(h, Double.parseDouble(ref.cell(i, h)));
                }
            }
            REF.put(f, m);
        }
        ClinicalTable wdbc = TableReader.readCsv("wdbc_raw.csv", text("wdbc_raw.csv"));
        ClinicalTable cat = TableReader.readCsv("categorical_vars.csv", text("categorical_vars.csv"));
        cases = new ArrayList<>();
        labels = new int[wdbc.rows().size()];
        for (int i = 0; i < wdbc.rows().size(); i++) {
            Map<String, String> values = new HashMap<>();
            for (String f : NUMERIC) {
                values.put(f, wdbc.cell(i, f));
            }
            assertThat(cat.cell(i, "row")).isEqualTo(wdbc.cell(i, "row"));
            values.put("texture_tertile", cat.cell(i, "texture_tertile"));
            values.put("area_gt_700", cat.cell(i, "area_gt_700"));
            labels[i] = Integer.parseInt(wdbc.cell(i, "label"));
            cases.add(new ClinicalCase(i + 1, 1, "r" + i, "r" + i, values, List.of(), i + 2));
        }
    }

    private static String text(String name) throws IOException {
        try (InputStream in = Table1ReferenceTest.class.getResourceAsStream("/cohort/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Table1 table() {
        List<Variable> vars = new ArrayList<>();
        NUMERIC.forEach(f -> vars.add(Variable.numeric(f, VariableRole.PREDICTOR)));
        vars.add(Variable.ordinal("texture_tertile", VariableRole.PREDICTOR, List.of("0", "1", "2")));
        vars.add(Variable.categorical("area_gt_700", VariableRole.PREDICTOR, List.of("0", "1")));
        return Table1Builder.build(vars, cases, labels, List.of("benign", "malignant"), null, null);
    }

    private static Table1.Row row(Table1 t, String variable) {
        return t.rows().stream().filter(r -> r.variable().equals(variable) && r.level() == null).findFirst()
                .orElseThrow();
    }

    private static void assertP(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9));
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-6 * expected);
    }

    @Test
    void continuousPValuesEqualScipy() {
        Table1 t = table();
        assertThat(t.counts().get(0)).containsExactly(357, 212);
        for (String f : NUMERIC) {
            Table1.Row r = row(t, f);
            String test = r.test().get(0);
            assertThat(test).as(f).isIn("student_t", "mann_whitney_u");
            double expected = test.equals("student_t") ? REF.get(f).get("student_p")
                    : REF.get(f).get("mwu_p_tiecorr_continuity");
            assertP(r.p()[0], expected);
        }
        // WDBC features are skewed: the normality check sends at least one to the rank test.
        assertThat(NUMERIC.stream().map(f -> row(t, f).test().get(0))).contains("mann_whitney_u");
    }

    @Test
    void categoricalPValuesEqualScipy() throws IOException {
        JsonNode chi;
        try (InputStream in = getClass().getResourceAsStream("/cohort/chi_square_reference.json")) {
            chi = new ObjectMapper().readTree(in).get("chi_square");
        }
        Table1 t = table();
        Table1.Row tertile = row(t, "texture_tertile");
        assertThat(tertile.test().get(0)).isEqualTo("chi_square");
        assertP(tertile.p()[0], chi.get("texture_tertile_x_label").get("p").asDouble());
        Table1.Row area = row(t, "area_gt_700");
        assertThat(area.test().get(0)).isEqualTo("chi_square"); // every expected count ≥ 5
        assertP(area.p()[0], chi.get("area_gt_700_x_label").get("p_no_correction").asDouble());
        // Cells: n (%) of the class; tertile 0 has 169 of 357 benign and 21 of 212 malignant.
        Table1.Row level0 = t.rows().stream().filter(r -> "texture_tertile".equals(r.variable()) && "0".equals(r.level()))
                .findFirst().orElseThrow();
        assertThat(level0.cells().get(0)).containsExactly("169 (47.3%)", "21 (9.9%)");
    }

    @Test
    void smallTwoByTwoTablesUseFisherAndEqualScipy() throws IOException {
        ClinicalTable ref = TableReader.readCsv("fisher_reference.csv", text("fisher_reference.csv"));
        for (int i = 0; i < ref.rows().size(); i++) {
            long[][] table = {{Long.parseLong(ref.cell(i, "a")), Long.parseLong(ref.cell(i, "b"))},
                    {Long.parseLong(ref.cell(i, "c")), Long.parseLong(ref.cell(i, "d"))}};
            assertThat(Table1Builder.minExpected(table)).isLessThan(5);
            TestResult r = Table1Builder.association(table);
            assertThat(r.test()).isEqualTo("fisher_exact");
            assertP(r.p(), Double.parseDouble(ref.cell(i, "fisher_p")));
        }
    }

    @Test
    void exportsCsvAndXlsx() throws IOException {
        Table1 t = table();
        String csv = Table1Export.csv(t);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("variable,level,All: benign (n=357),All: malignant (n=212),All: p,All: test");
        assertThat(csv).contains("texture_tertile,0,169 (47.3%),21 (9.9%),,");
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(Table1Export.xlsx(t)))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("All: p");
            assertThat(sheet.getLastRowNum()).isEqualTo(t.rows().size());
            int tertileRow = 1 + t.rows().indexOf(row(t, "texture_tertile"));
            assertThat(sheet.getRow(tertileRow).getCell(4).getNumericCellValue()).isEqualTo(row(t, "texture_tertile").p()[0]);
        }
    }

    @Test
    void pearsonCorrelationEqualsNumpy() throws IOException {
        // numpy.corrcoef on the same numbers (make_correlation_reference.py); binary encoded 0/1, nominal dropped.
        List<Variable> vars = new ArrayList<>();
        NUMERIC.forEach(f -> vars.add(Variable.numeric(f, VariableRole.PREDICTOR)));
        vars.add(Variable.categorical("area_gt_700", VariableRole.PREDICTOR, List.of("0", "1")));
        vars.add(Variable.categorical("nominal", VariableRole.PREDICTOR, List.of("x", "y", "z")));
        Correlation.Matrix m = Correlation.pearson(vars, cases);
        assertThat(m.names()).doesNotContain("nominal").contains("area_gt_700");
        for (int i = 0; i < m.names().size(); i++) {
            assertThat(m.r()[i][i]).isEqualTo(1.0);
            for (int j = 0; j < m.names().size(); j++) {
                assertThat(m.r()[i][j]).isEqualTo(m.r()[j][i]).isBetween(-1.0, 1.0);
            }
        }
        ClinicalTable ref = TableReader.readCsv("correlation_reference.csv", text("correlation_reference.csv"));
        assertThat(ref.rows()).hasSize(10);
        for (int k = 0; k < ref.rows().size(); k++) {
            int a = m.names().indexOf(ref.cell(k, "a"));
            int b = m.names().indexOf(ref.cell(k, "b"));
            assertThat(m.r()[a][b]).isCloseTo(Double.parseDouble(ref.cell(k, "r")), within(1e-12));
        }
    }
}
