package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nodus run experiments/wei-2023-aln-demo.yaml} on a fresh data home (the demo cohort is generated at
 * start): every variant of every task finishes and the tables are printed; running it again recomputes nothing
 * (every run is reused) and prints the same numbers. A spec naming a cohort the database lacks is refused before
 * anything runs, with its line and field.
 */
class RunStudyCommandTest {

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NodusCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void demoStudyRunsToTheEndAndAgainWithoutRecomputing(@TempDir Path home) throws Exception {
        Path spec = Path.of("experiments/wei-2023-aln-demo.yaml");
        Path first = home.resolve("first.json");
        long t0 = System.nanoTime();
        Result a = run("run", spec.toString(), "--data-home", home.toString(), "--out", first.toString());
        long firstSeconds = (System.nanoTime() - t0) / 1_000_000_000;
        System.out.println(a.out());
        System.out.println("first run: " + firstSeconds + " s");
        assertThat(a.code()).as(a.out() + a.err()).isZero();
        assertThat(a.out()).contains("FINISHED").doesNotContain("FAILED ");
        for (String task : new String[] {"N0 vs N+(≥1)", "N+(1–2) vs N+(≥3)", "N0 / N+(1–2) / N+(≥3)"}) {
            assertThat(a.out()).contains("Task: " + task);
        }
        // 2 binary tasks × (5 backbones + radiomics + clinical + combined) + the 3-class task × 5 backbones
        assertThat(a.out()).contains("21/21 runs settled (21 finished)");
        String firstTables = a.out().substring(a.out().indexOf("Task: "));

        Path second = home.resolve("second.json");
        Result b = run("run", spec.toString(), "--data-home", home.toString(), "--out", second.toString());
        System.out.println(b.out());
        assertThat(b.code()).as(b.out() + b.err()).isZero();
        assertThat(b.out()).contains("21/21 runs settled (21 finished)");
        assertThat(b.out().lines().filter(l -> l.contains(" FINISHED ") && l.contains(" run ")))
                .hasSize(21).allMatch(l -> l.contains("(reused, not recomputed)"));
        assertThat(b.out()).doesNotContain("QUEUED").doesNotContain("RUNNING");
        // Same runs, same predictions → the same tables (the comparison ids differ: a new study saves its own).
        String secondTables = b.out().substring(b.out().indexOf("Task: "));
        // (and the --out line names a different file)
        assertThat(secondTables.replaceAll("comparison [0-9a-f-]+", "").replaceAll("tables written to .*", ""))
                .isEqualTo(firstTables.replaceAll("comparison [0-9a-f-]+", "").replaceAll("tables written to .*", ""));
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));

        Result bad = run("run", writeSpec(home, Files.readString(spec).replace("name: Demo ALN cohort",
                "name: No such cohort")).toString(), "--data-home", home.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).doesNotContain("\n")
                .contains("line 10, field cohort.name: no cohort named 'No such cohort'");
        assertThat(bad.out()).doesNotContain("runs on");
    }

    @Test
    void aSpecWithAMistakeIsRefusedBeforeSpringStarts(@TempDir Path home) throws Exception {
        String yaml = Files.readString(Path.of("experiments/wei-2023-aln-demo.yaml"))
                .replace("resnet101: {}", "resnet102: {}");
        Result r = run("run", writeSpec(home, yaml).toString(), "--data-home", home.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("nodus run: spec.yaml line ")
                .contains("field variants.finetune.backbones.resnet102: unknown backbone 'resnet102'");
        assertThat(Files.exists(home.resolve("db"))).isFalse();
    }

    private static Path writeSpec(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("spec.yaml");
        // relative params paths resolve against the spec's folder: point them back at experiments/
        Files.writeString(f, yaml.replace("params/", Path.of("experiments/params").toAbsolutePath() + "/"));
        return f;
    }
}
