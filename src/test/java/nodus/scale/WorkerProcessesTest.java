package nodus.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nodus.base.security.Role;
import nodus.classical.run.ClassicalStudy;
import nodus.cli.HeadlessSpring;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Split;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.RunWorker;
import nodus.support.FreshDataHome;
import nodus.support.TestDatabase;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.SucceededState;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11's "must show": one Nodus app (headless, no local worker) and two {@code nodus worker} processes (child
 * JVMs) on one PostgreSQL database and one data home. A small study — six classical runs (radiomics, clinical,
 * combined × 2 seeds) on the demo cohort and one short FINETUNE run with checkpoints — finishes with every run
 * finished exactly once (one succeeded job each), spread over both workers; the worker executing the FINETUNE run
 * is killed with SIGKILL after its first checkpoint, JobRunr finds it dead (server timeout 20 s, the smallest it
 * allows) and the other worker resumes the run from the checkpoint.
 *
 * <p>Needs PostgreSQL: {@code NODUS_TEST_PG_URL} (see {@code .ci/postgres.sh}); skipped when absent unless
 * {@code NODUS_REQUIRE_POSTGRES=true}.
 */
class WorkerProcessesTest {

    private static final String TASK = "N0 vs N+(≥1)";

    @TempDir
    Path home;

    private final List<Process> workers = new ArrayList<>();
    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        workers.forEach(Process::destroyForcibly);
        if (app != null) {
            app.close();
        }
    }

    @Test
    void twoWorkerProcessesShareTheRunsAndAKilledWorkersRunIsResumedByTheOther() throws Exception {
        String adminUrl = TestDatabase.requirePostgresUrl();
        String dbUrl = TestDatabase.freshDatabase(adminUrl,
                "nodus_workers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        long t0 = System.nanoTime();

        // the "web app": every service, the demo cohort, the job scheduler — but no local worker
        app = HeadlessSpring.start("nodus.data-home=" + home, "nodus.db.url=" + dbUrl,
                "nodus.jobs.local-worker=false", "nodus.admin.initial-password=" + FreshDataHome.ADMIN_PASSWORD,
                "nodus.demo.cases=100", "nodus.demo.size=64");
        HeadlessSpring.actAs("rita", Role.RESEARCHER_NAME);
        StorageProvider storage = app.getBean(StorageProvider.class);
        RunService runs = app.getBean(RunService.class);

        Process w1 = startWorker("w1", dbUrl);
        Process w2 = startWorker("w2", dbUrl);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> storage.getBackgroundJobServers().size() == 2);
        System.out.printf("[workers] app + 2 workers up after %.0f s%n", (System.nanoTime() - t0) / 1e9);

        Cohort demo = app.getBean(CohortService.class).versions("Demo ALN cohort").get(0);
        Split split = app.getBean(SplitService.class).create(demo.id(), TASK, SplitScheme.TRAIN_VALIDATION_TEST_6_2_2,
                7, List.of(), "main");
        long exp = app.getBean(ExperimentService.class).create("scale-out", null).id();
        ClassicalStudy classical = app.getBean(ClassicalStudy.class);
        List<Run> launched = new ArrayList<>();
        launched.addAll(classical.launchAll(exp, demo.ref(), TASK, "main", 1));
        launched.addAll(classical.launchAll(exp, demo.ref(), TASK, "main", 2));
        FineTuneSpec ft = FineTuneSpec.defaults(demo.ref(), TASK, "main", "resnet50").withTraining(32, 5, 16, 0.01);
        Run finetune = runs.launch(new NewRun(exp, "resnet50 short", RunKind.FINETUNE, TASK, demo.ref(),
                split.contentHash(), ft.toJson(), ft.seed()));
        launched.add(finetune);

        // kill -9 the worker of the FINETUNE run once its first checkpoint is written
        Path checkpoint = home.resolve("runs/" + finetune.id() + "/checkpoints/last/state.json");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(checkpoint) || runs.find(finetune.id()).orElseThrow().status().isTerminal());
        assertThat(runs.find(finetune.id()).orElseThrow().status())
                .as("FINETUNE run must still be running at its first checkpoint").isEqualTo(RunStatus.RUNNING);
        String firstWorker = worker(runs, finetune.id()).workerName();
        Process victim = firstWorker.equals("w1") ? w1 : w2;
        String survivor = firstWorker.equals("w1") ? "w2" : "w1";
        victim.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up, no goodbye to the job engine
        victim.waitFor();
        System.out.printf("[workers] killed %s (kill -9) at %.0f s, FINETUNE run mid-training%n", firstWorker,
                (System.nanoTime() - t0) / 1e9);

        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1)).until(() ->
                launched.stream().allMatch(r -> runs.find(r.id()).orElseThrow().status().isTerminal()));
        System.out.printf("[workers] all %d runs ended at %.0f s%n", launched.size(), (System.nanoTime() - t0) / 1e9);

        Map<Long, RunWorker> byRun = runs.workers(launched.stream().map(Run::id).toList());
        Set<String> workerNames = new HashSet<>(Set.of(firstWorker));
        for (Run r : launched) {
            Run done = runs.find(r.id()).orElseThrow();
            assertThat(done.status()).as("run %s (%s): %s", r.id(), r.kind(), done.statusMessage())
                    .isEqualTo(RunStatus.FINISHED);
            Job job = storage.getJobById(jobId(r.id()));
            assertThat(job.getJobStates().stream().filter(s -> s instanceof SucceededState))
                    .as("succeeded executions of run %s's job", r.id()).hasSize(1);
            RunWorker w = byRun.get(r.id());
            if (r.kind() != RunKind.FINETUNE) {
                assertThat(w.executions()).as("starts of run %s", r.id()).isEqualTo(1);
                workerNames.add(w.workerName());
            }
        }
        assertThat(workerNames).as("runs spread over both workers").containsExactlyInAnyOrder("w1", "w2");

        RunWorker resumed = byRun.get(finetune.id());
        assertThat(resumed.workerName()).isEqualTo(survivor);
        assertThat(resumed.executions()).as("started on %s, resumed on %s", firstWorker, survivor).isEqualTo(2);
        assertThat(runs.provenance(finetune.id()).orElseThrow()).contains("\"resumed\":true");
        Map<String, Long> starts = new LinkedHashMap<>();
        assertThat(Files.readString(home.resolve("worker-" + survivor + ".log"), StandardCharsets.UTF_8))
                .as("survivor's log").isNotEmpty();
        assertThat(starts).isEmpty();
    }

    private static RunWorker worker(RunService runs, long runId) {
        return runs.workers(List.of(runId)).get(runId);
    }

    /** The job id RunQueue gives a run's job (name-based UUID of "nodus-run-<id>"). */
    private static UUID jobId(long runId) {
        return UUID.nameUUIDFromBytes(("nodus-run-" + runId).getBytes(StandardCharsets.UTF_8));
    }

    private Process startWorker(String name, String dbUrl) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx1g",
                "-Dnodus.djl.cache=" + Path.of("target", "djl-cache").toAbsolutePath(),
                "-Djobrunr.background-job-server.poll-interval-in-seconds=5",
                "-Djobrunr.background-job-server.server-timeout-poll-interval-multiplicand=4",
                "-cp", System.getProperty("java.class.path"), "nodus.NodusMain", "worker",
                "--data-home", home.toString(), "--db-url", dbUrl, "--workers", "1", "--name", name);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve("worker-" + name + ".log").toFile());
        pb.environment().remove("NODUS_TEST_DB");
        Process p = pb.start();
        workers.add(p);
        return p;
    }

    static String classpathSeparator() {
        return File.pathSeparator;
    }
}
