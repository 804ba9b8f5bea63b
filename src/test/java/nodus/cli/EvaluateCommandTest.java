package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code nodus evaluate} end to end on the WDBC test predictions (src/test/resources/statistics, reference values
 * from numpy 2.4.6 / scipy 1.17.1 / scikit-learn 1.9.1) and on malformed files.
 */
class EvaluateCommandTest {

    @TempDir
    Path dir;
    Path a;
    Path b;
    JsonNode ref;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NodusCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void writePredictionFiles() throws IOException {
        List<String> linesA = new ArrayList<>(List.of("id,label,score"));
        List<String> linesB = new ArrayList<>(List.of("label,score,id,extra"));
        List<String> rows;
        try (InputStream in = getClass().getResourceAsStream("/statistics/test_predictions.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
        }
        for (String r : rows) {
            String[] f = r.split(",");
            linesA.add("case" + f[0] + "," + f[1] + "," + f[2]);
        }
        for (int i = rows.size() - 1; i >= 0; i--) { // B in reverse order, other column order: aligned by id
            String[] f = rows.get(i).split(",");
            linesB.add(f[1] + "," + f[3] + ",case" + f[0] + ",x");
        }
        a = Files.write(dir.resolve("a.csv"), linesA);
        b = Files.write(dir.resolve("b.csv"), linesB);
        try (InputStream in = getClass().getResourceAsStream("/statistics/reference_values.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void jsonHasTheIssueKeysWithReferenceValues() throws IOException {
        Run r = run("evaluate", "--predictions", a.toString(), "--compare", b.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("n").asInt()).isEqualTo(171);
        assertThat(j.get("positives").asInt()).isEqualTo(64);
        assertThat(j.get("auc").asDouble()).isCloseTo(ref.at("/delong/modelA/auc").asDouble(), within(1e-9));
        assertThat(j.at("/auc_ci95/0").asDouble()).isCloseTo(ref.at("/delong/modelA/ci95/0").asDouble(), within(1e-9));
        assertThat(j.at("/auc_ci95/1").asDouble()).isCloseTo(ref.at("/delong/modelA/ci95/1").asDouble(), within(1e-9));
        JsonNode y = j.get("youden");
        for (String[] k : new String[][] {{"threshold", "threshold"}, {"sensitivity", "sensitivity"},
                {"specificity", "specificity"}, {"accuracy", "accuracy"}, {"ppv", "PPV"}, {"npv", "NPV"}}) {
            assertThat(y.get(k[0]).asDouble()).as(k[0])
                    .isCloseTo(ref.at("/youden/modelA/" + k[1]).asDouble(), within(1e-9));
        }
        assertThat(j.get("brier").asDouble()).isCloseTo(ref.at("/calibration/modelA/brier").asDouble(), within(1e-9));
        JsonNode hl = j.get("hosmer_lemeshow");
        assertThat(hl.get("statistic").asDouble())
                .isCloseTo(ref.at("/hosmer_lemeshow/modelA/equal_size/statistic").asDouble(), within(1e-9));
        assertThat(hl.get("df").asInt()).isEqualTo(8);
        assertThat(hl.get("p").asDouble())
                .isCloseTo(ref.at("/hosmer_lemeshow/modelA/equal_size/p_value").asDouble(), within(1e-9));
        assertThat(hl.get("grouping").asText()).isEqualTo("equal_size");
        JsonNode nb = j.get("net_benefit");
        assertThat(nb).hasSize(99);
        assertThat(nb.get(0).get("threshold").asDouble()).isEqualTo(0.01);
        assertThat(nb.get(98).get("threshold").asDouble()).isEqualTo(0.99);
        assertThat(nb.get(4).get("model").asDouble()).isCloseTo(0.35518621114188981, within(1e-9)); // dca csv, pt .05
        assertThat(nb.get(4).get("treat_all").asDouble()).isCloseTo(0.3413357956294244, within(1e-9));
        JsonNode d = j.get("delong_test");
        assertThat(d.get("z").asDouble()).isCloseTo(ref.at("/delong/test_A_vs_B/z").asDouble(), within(1e-9));
        assertThat(d.get("p").asDouble()).isCloseTo(ref.at("/delong/test_A_vs_B/p_two_sided").asDouble(),
                within(1e-12));
        assertThat(d.get("paired").asBoolean()).isTrue();
        assertThat(j.at("/compare/auc").asDouble()).isCloseTo(ref.at("/delong/modelB/auc").asDouble(), within(1e-9));
        assertThat(j.has("nri_continuous")).isTrue();
        assertThat(j.has("idi")).isTrue();
    }

    @Test
    void thresholdFromTrainingIsReportedAsSuch() throws IOException {
        // "training" file: model B's predictions; its Youden threshold applied to A unchanged
        Run r = run("evaluate", "--predictions", a.toString(), "--threshold-from", b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/at_threshold/source").asText()).isEqualTo("training:" + b);
        assertThat(j.at("/at_threshold/threshold").asDouble()).isEqualTo(ref.at("/youden/modelB/threshold").asDouble());
        assertThat(j.at("/youden/source").asText()).isEqualTo("youden");
        Run t = run("evaluate", "--predictions", a.toString(), "--threshold-from", b.toString(), "--format", "text");
        assertThat(t.out()).contains("Threshold from training:" + b);
        Run fixed = run("evaluate", "--predictions", a.toString(), "--threshold", "0.5");
        assertThat(new ObjectMapper().readTree(fixed.out()).at("/at_threshold/source").asText()).isEqualTo("fixed");
    }

    @Test
    void textOutput() {
        Run r = run("evaluate", "--predictions", a.toString(), "--compare", b.toString(), "--format", "text");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("AUC 0.9476 (95% CI 0.9175 to 0.9778, DeLong)")
                .contains("Youden threshold (these data): 0.2041")
                .contains("DeLong test (paired) A - B = -0.0515")
                .contains("Hosmer-Lemeshow");
    }

    @Test
    void differentCaseSetsRefusePairedTestButAllowUnpaired() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(b));
        lines.set(1, lines.get(1).replaceFirst(",case\\d+,", ",other,"));
        Path c = Files.write(dir.resolve("c.csv"), lines);
        Run r = run("evaluate", "--predictions", a.toString(), "--compare", c.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("same cases").contains("--unpaired");
        Run u = run("evaluate", "--predictions", a.toString(), "--compare", c.toString(), "--unpaired");
        assertThat(u.code()).as(u.err()).isZero();
        assertThat(new ObjectMapper().readTree(u.out()).at("/delong_test/paired").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing column | id,label,prob;a,1,0.5;b,0,0.2 | line 1: missing column 'score'",
        "label not 0/1  | id,label,score;a,1,0.5;b,2,0.2 | line 3 (id 'b'): label '2' is not 0 or 1",
        "score > 1      | id,label,score;a,1,1.5;b,0,0.2 | line 2 (id 'a'): score 1.5 is outside [0, 1]",
        "score < 0      | id,label,score;a,1,0.5;b,0,-0.1 | line 3 (id 'b'): score -0.1 is outside [0, 1]",
        "score NaN      | id,label,score;a,1,NaN;b,0,0.2 | line 2 (id 'a'): score is NaN",
        "score text     | id,label,score;a,1,high;b,0,0.2 | line 2 (id 'a'): score 'high' is not a number",
        "one class      | id,label,score;a,1,0.5;b,1,0.2 | all 2 cases have label 1; need both classes",
        "duplicate id   | id,label,score;a,1,0.5;b,0,0.2;a,0,0.3 | line 4: duplicate id 'a' (first on line 2)",
        "short row      | id,label,score;a,1,0.5;b,0 | line 3: expected 3 fields, found 2",
        "empty file     | '' | empty file",
        "header only    | id,label,score | no data rows"})
    void malformedInputExitsTwoWithOneLineNamingRowAndProblem(String caseName, String content, String expected)
            throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), content.replace(';', '\n'));
        Run r = run("evaluate", "--predictions", f.toString());
        assertThat(r.code()).as(caseName).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).as(caseName).hasSize(1);
        assertThat(r.err()).as(caseName).startsWith("nodus evaluate: " + f).contains(expected);
    }

    @Test
    void missingFileAndBadOptionsExitTwo() {
        Run r = run("evaluate", "--predictions", dir.resolve("nope.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.csv: file not found");
        Run both = run("evaluate", "--predictions", a.toString(), "--threshold", "0.5", "--threshold-from",
                b.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err().lines()).hasSize(1);
        Run fmt = run("evaluate", "--predictions", a.toString(), "--format", "xml");
        assertThat(fmt.code()).isEqualTo(2);
    }
}
