package nodus.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nodus.classical.run.ClassicalRunSpec;
import nodus.classical.run.ClassicalStudy;
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
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.SucceededState;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's "must show": one Nodus app (headless, no local worker) and two {@code nodus worker} processes (child
 * JVMs) on one PostgreSQL database and one data home. A small study — radiomics, clinical and combined runs on
 * the demo cohort (100 cases, 64 px), two more clinical seeds, and one short FINETUNE run with checkpoints — ends
 * with every run finished exactly once (one succeeded job each), spread over both workers; the worker executing
 * the FINETUNE run is killed with SIGKILL after its first checkpoint, JobRunr finds it dead (server timeout 20 s,
 * the smallest it allows), and the other worker resumes the run from the checkpoint.
 *
 * <p>Needs PostgreSQL: {@code NODUS_TEST_PG_URL} (see {@code .ci/postgres.sh}); skipped when absent unless
 * {@code NODUS_REQUIRE_POSTGRES=true}.
 */
class WorkerProcessesTest {

    private static final String TASK = "N0 vs N+(≥1)";

    @TempDir
    Path home;

    @Test
    void twoWorkerProcessesShareTheRunsAndAKilledWorkersRunIsResumedByTheOther() throws Exception {
        long t0 = System.nanoTime();
        try (WorkerCluster cluster = new WorkerCluster(home)) {
            StorageProvider storage = cluster.bean(StorageProvider.class);
            RunService runs = cluster.bean(RunService.class);
            Process w1 = cluster.startWorker("w1");
            Process w2 = cluster.startWorker("w2");
            cluster.awaitWorkers(2);
            log(t0, "app + 2 workers up");

            Cohort demo = cluster.bean(CohortService.class).versions("Demo ALN cohort").get(0);
            Split split = cluster.bean(SplitService.class).create(demo.id(), TASK,
                    SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 7, List.of(), "main");
            long exp = cluster.bean(ExperimentService.class).create("scale-out", null).id();
            ClassicalStudy classical = cluster.bean(ClassicalStudy.class);
            List<Run> launched = new ArrayList<>(classical.launchAll(exp, demo.ref(), TASK, "main", 1));
            for (long seed = 2; seed <= 3; seed++) {
                launched.add(classical.launch(exp, RunKind.CLINICAL,
                        ClassicalRunSpec.defaults(demo.ref(), TASK, "main", seed)));
            }
            FineTuneSpec ft = FineTuneSpec.defaults(demo.ref(), TASK, "main", "resnet50")
                    .withTraining(32, 4, 16, 0.01);
            Run finetune = runs.launch(new NewRun(exp, "resnet50 short", RunKind.FINETUNE, TASK, demo.ref(),
                    split.contentHash(), ft.toJson(), ft.seed()));
            launched.add(finetune);

            // kill -9 the worker of the FINETUNE run once its first checkpoint is written
            Path checkpoint = home.resolve("runs/" + finetune.id() + "/checkpoints/last/state.json");
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                    Files.exists(checkpoint) || runs.find(finetune.id()).orElseThrow().status().isTerminal());
            assertThat(runs.find(finetune.id()).orElseThrow().status())
                    .as("the FINETUNE run is still running at its first checkpoint").isEqualTo(RunStatus.RUNNING);
            String firstWorker = runs.workers(List.of(finetune.id())).get(finetune.id()).workerName();
            Process victim = firstWorker.equals("w1") ? w1 : w2;
            String survivor = firstWorker.equals("w1") ? "w2" : "w1";
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the job engine
            victim.waitFor();
            log(t0, "killed " + firstWorker + " (SIGKILL) during the FINETUNE run");

            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    launched.stream().allMatch(r -> runs.find(r.id()).orElseThrow().status().isTerminal()));
            log(t0, "all " + launched.size() + " runs ended");

            Map<Long, RunWorker> byRun = runs.workers(launched.stream().map(Run::id).toList());
            Set<String> workerNames = new HashSet<>(Set.of(firstWorker));
            for (Run r : launched) {
                Run done = runs.find(r.id()).orElseThrow();
                assertThat(done.status()).as("run %s (%s): %s", r.id(), r.kind(), done.statusMessage())
                        .isEqualTo(RunStatus.FINISHED);
                Job job = storage.getJobById(jobId(r.id()));
                assertThat(job.getJobStates().stream().filter(s -> s instanceof SucceededState))
                        .as("succeeded executions of run %s's job", r.id()).hasSize(1);
                if (r.kind() != RunKind.FINETUNE) {
                    assertThat(byRun.get(r.id()).executions()).as("starts of run %s", r.id()).isEqualTo(1);
                    workerNames.add(byRun.get(r.id()).workerName());
                }
            }
            assertThat(workerNames).as("runs spread over both workers").containsExactlyInAnyOrder("w1", "w2");

            RunWorker resumed = byRun.get(finetune.id());
            assertThat(resumed.workerName()).as("worker that finished the FINETUNE run").isEqualTo(survivor);
            assertThat(resumed.executions()).as("started on %s, resumed on %s", firstWorker, survivor).isEqualTo(2);
            assertThat(runs.provenance(finetune.id()).orElseThrow()).contains("\"resumed\":true");
        }
    }

    private static void log(long t0, String what) {
        System.out.printf("[worker-processes] %.0f s: %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    /** The job id RunQueue gives a run's job (name-based UUID of "nodus-run-<id>"). */
    private static UUID jobId(long runId) {
        return UUID.nameUUIDFromBytes(("nodus-run-" + runId).getBytes(StandardCharsets.UTF_8));
    }
}
