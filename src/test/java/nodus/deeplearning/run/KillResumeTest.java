package nodus.deeplearning.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, "must show": an app killed (SIGKILL) during training and restarted resumes the run from its checkpoint
 * and ends with the same final weights as an uninterrupted run with the same seed.
 *
 * <p>For real: a Nodus job worker ({@link JobWorkerProcess}: headless Spring, JobRunr background server, H2 file
 * database in a data home) runs in a child JVM. The test launches a run there, waits until the checkpoint of
 * epoch 1 is on disk, kills the JVM with {@link Process#destroyForcibly()} (SIGKILL on Linux: no shutdown hook,
 * no clean-up), and starts a new worker on the same data home. That worker launches the reference run (same spec
 * and seed, another experiment) and, once the job engine finds the killed run's job orphaned (server timeout:
 * poll interval 5 s × 4), shows the run INTERRUPTED and resumes it from its last checkpoint. Both runs must
 * finish with bit-identical final weights (SHA-256 of the last checkpoint's parameter file) and select the same
 * weights for their predictions.
 */
class KillResumeTest {

    static final int EPOCHS = 4;
    static final ObjectMapper JSON = new ObjectMapper();

    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private Path home;

    @AfterEach
    void stopWorkersAndDeleteTheDataHome() throws Exception {
        for (Worker w : workers) {
            w.process.destroyForcibly();
            w.process.waitFor(30, TimeUnit.SECONDS);
        }
        if (home != null) {
            // Two ResNet50 runs' checkpoints (≈ 200 MB each) and an H2 database.
            try (var walk = Files.walk(home)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void killedWorkerIsRestartedAndTheRunResumesFromItsCheckpointWithTheSameFinalWeights() throws Exception {
        long t0 = System.nanoTime();
        home = Files.createTempDirectory("nodus-kill-resume");
        Worker first = start(home, "interrupted");
        long id = Long.parseLong(first.awaitLine("LAUNCHED ", Duration.ofMinutes(5)).substring(9).trim());
        Path state = home.resolve("runs/" + id + "/checkpoints/last/state.json");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> epochsDone(state) >= 1);
        first.process.destroyForcibly();
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int killedAfter = epochsDone(state);
        System.out.printf("killed worker (exit %d) with %d of %d epochs checkpointed, %.0f s%n",
                first.process.exitValue(), killedAfter, EPOCHS, (System.nanoTime() - t0) / 1e9);
        assertThat(first.process.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);
        assertThat(killedAfter).as("killed during training").isLessThan(EPOCHS);
        assertThat(first.lines).noneMatch(l -> l.startsWith("RUN " + id + " FINISHED"));

        Worker second = start(home, "uninterrupted");
        second.awaitLine("ALL-ENDED", Duration.ofMinutes(20));
        System.out.printf("second worker done, %.0f s in total%n", (System.nanoTime() - t0) / 1e9);
        List<String> statuses = second.lines.stream().filter(l -> l.startsWith("RUN " + id + " "))
                .map(l -> l.split(" ")[2]).toList();
        System.out.println("status changes of run " + id + " seen by the restarted worker: " + statuses);
        // Still RUNNING in the database when the worker starts (the killed JVM could not say otherwise), then
        // INTERRUPTED once the job engine finds the job orphaned, RUNNING again (resumed), FINISHED.
        assertThat(statuses).containsExactly("RUNNING", "INTERRUPTED", "RUNNING", "FINISHED");

        JsonNode resumed = provenance(second, id);
        long reference = second.lines.stream().filter(l -> l.startsWith("PROVENANCE ") && !l.startsWith(
                "PROVENANCE " + id + " ")).map(l -> Long.parseLong(l.split(" ")[1])).findFirst().orElseThrow();
        JsonNode straight = provenance(second, reference);
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        assertThat(resumed.path("resumedFromEpoch").asInt()).isEqualTo(killedAfter);
        assertThat(straight.path("resumed").asBoolean()).isFalse();
        assertThat(resumed.path("epochsRun").asInt()).isEqualTo(EPOCHS);
        assertThat(resumed.path("lastWeights").path("sha256").asText())
                .as("final weights of the resumed run vs the uninterrupted one")
                .hasSize(64).isEqualTo(straight.path("lastWeights").path("sha256").asText());
        assertThat(resumed.path("selectedWeights").path("sha256").asText())
                .isEqualTo(straight.path("selectedWeights").path("sha256").asText());
        assertThat(resumed.path("selectedWeights").path("epoch").asInt())
                .isEqualTo(straight.path("selectedWeights").path("epoch").asInt());
    }

    private static JsonNode provenance(Worker w, long id) throws IOException {
        String prefix = "PROVENANCE " + id + " ";
        String line = w.lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        return JSON.readTree(line.substring(prefix.length()));
    }

    private static int epochsDone(Path state) {
        try {
            return Files.isRegularFile(state) ? JSON.readTree(state.toFile()).path("epochsDone").asInt() : 0;
        } catch (IOException e) {
            return 0; // being replaced right now
        }
    }

    private Worker start(Path home, String experiment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "kill-resume-" + experiment + ".log");
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                JobWorkerProcess.class.getName(), home.toString(), experiment, Integer.toString(EPOCHS))
                .redirectErrorStream(true).start();
        Worker w = new Worker(p, new CopyOnWriteArrayList<>());
        workers.add(w);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                String line;
                while ((line = in.readLine()) != null) {
                    w.lines.add(line);
                    out.println(line);
                    out.flush();
                }
            } catch (IOException e) {
                // the process was killed
            }
        }, "worker-output-" + experiment);
        reader.setDaemon(true);
        reader.start();
        return w;
    }

    record Worker(Process process, List<String> lines) {
        String awaitLine(String prefix, Duration timeout) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(
                    () -> lines.stream().anyMatch(l -> l.startsWith(prefix)) || !process.isAlive());
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
                    () -> new AssertionError("worker ended without printing '" + prefix + "'; see its log in "
                            + "target/kill-resume-*.log"));
        }
    }
}
