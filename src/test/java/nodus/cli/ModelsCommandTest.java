package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code nodus models} is refused with exit 2 and one line, before Spring starts. */
class ModelsCommandTest {

    @Test
    void missingOptionIsBadUsage() {
        StringWriter err = new StringWriter();
        int code = NodusCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "models", "--cohort", "demo@1", "--split", "main");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--task");
    }

    @Test
    void specWithUnknownFieldIsBadInputNamingTheFileAndField(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"cohortRef\":\"x@1\",\"task\":\"t\",\"split\":\"s\",\"lassso\":{}}");
        StringWriter err = new StringWriter();
        int code = NodusCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "models", "--cohort", "demo@1", "--task", "t", "--split", "main", "--spec", spec.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("spec.json").contains("lassso");
    }
}
