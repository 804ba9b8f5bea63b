package nodus.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nodus.classical.run.ClassicalStudy;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Benchmark for docs/benchmarks/scale.md: wall time of a small batch (radiomics, clinical, combined × 3 seeds = 9
 * runs on the demo cohort, 100 cases of 64 px) with one and with two {@code nodus worker} processes on PostgreSQL,
 * from launch to the last run's end (worker start-up excluded). Runs only with {@code -Dnodus.benchmark=true}
 * and NODUS_TEST_PG_URL:
 * {@code ./mvnw -B -o -DskipFrontend test -Dtest=ScaleBenchmarkTest -Dnodus.benchmark=true}.
 */
class ScaleBenchmarkTest {

    private static final String TASK = "N0 vs N+(≥1)";

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void batchWallTime(int workerCount) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"), "benchmark: run with -Dnodus.benchmark=true");
        try (WorkerCluster cluster = new WorkerCluster(home)) {
            for (int i = 1; i <= workerCount; i++) {
                cluster.startWorker("w" + i);
            }
            cluster.awaitWorkers(workerCount);
            Cohort demo = cluster.bean(CohortService.class).versions("Demo ALN cohort").get(0);
            cluster.bean(SplitService.class).create(demo.id(), TASK, SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 7,
                    List.of(), "main");
            long exp = cluster.bean(ExperimentService.class).create("benchmark", null).id();
            RunService runs = cluster.bean(RunService.class);
            ClassicalStudy study = cluster.bean(ClassicalStudy.class);
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            long t0 = System.nanoTime();
            List<Run> launched = new ArrayList<>();
            for (long seed = 1; seed <= 3; seed++) {
                launched.addAll(study.launchAll(exp, demo.ref(), TASK, "main", seed));
            }
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    launched.stream().allMatch(r -> runs.find(r.id()).orElseThrow().status().isTerminal()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            assertThat(launched).allMatch(r -> runs.find(r.id()).orElseThrow().status() == RunStatus.FINISHED);
            System.out.printf("[scale-benchmark] %d worker(s): %d runs in %.1f s wall; loadavg before %s, after %s%n",
                    workerCount, launched.size(), seconds, loadBefore, loadAfter);
        }
    }
}
