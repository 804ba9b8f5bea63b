package nodus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the backbone benchmark (fresh JVM per backbone and mode). Tagged and opt-in, never part of a normal run:
 * {@code ./mvnw -B -o -DskipFrontend test -Dtest=BenchmarkBackbonesCommandTest -Dnodus.benchmark=true
 * [-Dnodus.benchmark.backbones=resnet50,vgg19]}; the table goes to target/benchmarks/backbones.md.
 */
@Tag("benchmark")
class BenchmarkBackbonesCommandTest {

    @Test
    void benchmark() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"), "benchmark: set -Dnodus.benchmark=true");
        Path out = Path.of("target", "benchmarks", "backbones.md");
        String backbones = System.getProperty("nodus.benchmark.backbones", "resnet50");
        StringWriter err = new StringWriter();
        int rc = NodusCli.run(new PrintWriter(System.out, true), new PrintWriter(err, true), "benchmark-backbones",
                "--backbones", backbones, "--batch", System.getProperty("nodus.benchmark.batch", "8"),
                "--batches", System.getProperty("nodus.benchmark.batches", "5"),
                "--warmup", System.getProperty("nodus.benchmark.warmup", "2"),
                "--output", out.toString());
        assertThat(rc).as(err.toString()).isZero();
        assertThat(Files.readString(out)).contains("images/s");
    }
}
