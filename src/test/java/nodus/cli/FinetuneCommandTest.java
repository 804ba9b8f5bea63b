package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Bad input is refused before anything starts: exit 2 and one line naming the field. */
class FinetuneCommandTest {

    @Test
    void unknownBackboneOrTooSmallImageIsBadInput() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NodusCli.run(new PrintWriter(out), new PrintWriter(err), "finetune", "--cohort", "demo@1",
                "--task", "t", "--split", "main", "--backbone", "alexnet");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).contains("alexnet").doesNotContain("\n");

        StringWriter err2 = new StringWriter();
        int code2 = NodusCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err2), "finetune", "--cohort",
                "demo@1", "--task", "t", "--split", "main", "--backbone", "inception_v3", "--image-size", "64");
        assertThat(code2).isEqualTo(2);
        assertThat(err2.toString()).contains("imageSize");
    }
}
