package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nodus.cli.NodusCli;
import org.junit.jupiter.api.Test;

/** {@code nodus demo} and {@code nodus import} (detected types; one stderr line and exit 2 on bad input). */
class CohortCommandsTest {

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = NodusCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void demoThenImportIntoTheSameDataHome() throws Exception {
        Path home = Files.createTempDirectory("nodus-cli-home");
        Result demo = run("demo", "--cases", "20", "--size", "32", "--data-home", home.toString());
        assertThat(demo.status()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("with 20 cases", "N0 vs N+(≥1)", "N+(1–2) vs N+(≥3)");
        assertThat(home.resolve("datasets/1/images")).isDirectory();

        TestFolder folder = new TestFolder();
        folder.delete("C3.png");
        Result bad = run("import", folder.root.toString(), "--table", "clinical.csv", "--id-column", "case_id",
                "--patient-column", "patient_id", "--image-dir", "img", "--mask-pattern", "{id}_mask.png",
                "--data-home", home.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(bad.err()).contains("img/C3.png row 4 column image pattern {id}.png: image file is missing");
        assertThat(bad.out()).contains("img/C3.png row 4");

        folder.image("C3.png", 40, 30, 90);
        Result ok = run("import", folder.root.toString(), "--table", "clinical.csv", "--id-column", "case_id",
                "--patient-column", "patient_id", "--image-dir", "img", "--mask-pattern", "{id}_mask.png",
                "--name", "small", "--data-home", home.toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("imported dataset 'small'", "6 cases, 6 masks");
    }
}
