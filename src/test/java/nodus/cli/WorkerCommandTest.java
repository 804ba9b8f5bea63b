package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** `nodus worker` refuses what it cannot do honestly, in one line, before starting anything. */
class WorkerCommandTest {

    @Test
    void onlyIsRefusedBecauseJobRunrOssCannotRouteRunKinds() {
        StringWriter err = new StringWriter();
        int status = NodusCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "worker", "--only", "finetune");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString().trim()).doesNotContain("\n")
                .contains("--only finetune", "docs/decisions/0003-worker-run-kind-filter.md");
    }

    @Test
    void workerCountMustBePositive() {
        StringWriter err = new StringWriter();
        int status = NodusCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "worker", "--workers", "0");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--workers must be >= 1");
    }
}
