package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NodusCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NodusCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsCommandsAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: nodus", "Commands:", "help", "evaluate", "radiomics", "import",
                "split", "models", "finetune");
        // picocli reports unformattable descriptions (a lone % sign) on stderr.
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void unknownCommandExitsNonZeroWithOneLine() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("frobnicate");
        assertThat(out.toString()).isEmpty();
    }
}
