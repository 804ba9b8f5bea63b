package nodus.classical.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import nodus.cli.NodusCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's end-to-end path on the built-in demo cohort: `nodus split` makes a 6:2:2 split of task N0 vs N+(≥1),
 * and one `nodus models` command runs the radiomics, clinical and combined models on it and stores their
 * per-case predictions and per-part metrics (printed as AUCs with DeLong CIs).
 */
class DemoCohortModelsTest {

    @TempDir
    Path home;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = NodusCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(status).as("nodus %s failed: %s", args[0], err).isZero();
        return out.toString();
    }

    @Test
    void oneCommandRunsRadiomicsClinicalAndCombinedOnTheDemoCohort() {
        String task = "N0 vs N+(≥1)";
        String split = run("split", "--data-home", home.toString(), "--cohort", "Demo ALN cohort", "--task", task,
                "--scheme", "6:2:2", "--seed", "7", "--name", "main");
        assertThat(split).containsPattern("[0-9a-f]{64}");

        String table = run("models", "--data-home", home.toString(), "--cohort", "Demo ALN cohort v1", "--task", task,
                "--split", "main");
        assertThat(table).contains("radiomics", "clinical", "combined");
        assertThat(table.lines().filter(l -> l.matches("^(radiomics|clinical|combined)\\s+FINISHED.*")))
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).containsPattern("\\d\\.\\d{3} \\(\\d\\.\\d{3}-\\d\\.\\d{3}\\)"));
    }
}
