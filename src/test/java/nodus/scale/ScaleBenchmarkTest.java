package nodus.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nodus.experiment.RunService;
import nodus.experiment.RunWorker;
import nodus.study.Study;
import nodus.study.StudyProgress;
import nodus.study.StudyRun;
import nodus.study.StudyService;
import nodus.study.StudySpec;
import nodus.study.StudyStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Benchmark for docs/benchmarks/scale.md (issue 11): wall time of the demo study
 * ({@code experiments/wei-2023-aln-demo.yaml}: 21 runs over 3 tasks on the app's own demo cohort) with one and
 * with two {@code nodus worker} processes (one job at a time each) on PostgreSQL, from launch to the study's end;
 * worker start-up excluded. Prints the runs each worker executed. {@code -Dnodus.bench.workers=2} measures only two
 * workers; {@code -Dnodus.bench.workerThreads=N} gives each worker N libtorch intra-op threads (default 0 = DJL's
 * default, one per core). Runs only with {@code -Dnodus.benchmark=true}
 * and NODUS_TEST_PG_URL:
 * {@code ./mvnw -B -o -DskipFrontend test -Dtest=ScaleBenchmarkTest -Dnodus.benchmark=true}.
 */
class ScaleBenchmarkTest {

    private static final Path DEMO_STUDY = Path.of("experiments", "wei-2023-aln-demo.yaml");

    @TempDir
    Path home;

    /** Worker counts to measure, {@code -Dnodus.bench.workers} (default 1,2). */
    static java.util.stream.IntStream workerCounts() {
        return java.util.Arrays.stream(System.getProperty("nodus.bench.workers", "1,2").split(","))
                .mapToInt(w -> Integer.parseInt(w.trim()));
    }

    @ParameterizedTest
    @MethodSource("workerCounts")
    void demoStudyWallTime(int workerCount) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"), "benchmark: run with -Dnodus.benchmark=true");
        try (WorkerCluster cluster = new WorkerCluster(home, false)) {
            for (int i = 1; i <= workerCount; i++) {
                cluster.startWorker("w" + i);
            }
            cluster.awaitWorkers(workerCount);
            StudyService studies = cluster.bean(StudyService.class);
            String yaml = Files.readString(DEMO_STUDY);
            StudySpec spec = StudyService.parse(yaml, DEMO_STUDY.toString(), DEMO_STUDY.getParent());
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            long t0 = System.nanoTime();
            Study study = studies.launch(spec, yaml, DEMO_STUDY.toString());
            StudyProgress p = studies.progress(study.id());
            long deadline = t0 + 60L * 60 * 1_000_000_000L;
            while (p.study().status() == StudyStatus.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(500);
                p = studies.progress(study.id());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            assertThat(p.failures()).as(p.summary()).isEmpty();
            assertThat(p.count(StudyRun.State.FINISHED)).as(p.summary()).isEqualTo(p.runs().size());
            Map<Long, RunWorker> byRun = cluster.bean(RunService.class).workers(
                    p.runs().stream().map(StudyRun::runId).filter(Objects::nonNull).toList());
            Map<String, Long> perWorker = new TreeMap<>(byRun.values().stream()
                    .collect(Collectors.groupingBy(RunWorker::workerName, Collectors.counting())));
            System.out.printf("[scale-benchmark] %d worker(s): demo study, %d runs in %.1f s wall; runs per worker %s;"
                            + " loadavg before %s, after %s%n",
                    workerCount, p.runs().size(), seconds, perWorker, loadBefore, loadAfter);
        }
    }
}
