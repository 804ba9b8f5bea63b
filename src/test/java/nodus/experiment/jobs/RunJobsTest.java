package nodus.experiment.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nodus.base.security.Role;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.SplitPart;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A launched run is executed by the job engine's worker in the background, and can be cancelled while running. */
@SpringBootTest
class RunJobsTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.registerWithJobs(registry);
    }

    static final CountDownLatch CANCEL_SEEN_RUNNING = new CountDownLatch(1);

    @TestConfiguration
    static class Executors {
        @Bean
        RunExecutor clinical() {
            return new RunExecutor() {
                public RunKind kind() {
                    return RunKind.CLINICAL;
                }

                public RunOutcome execute(RunContext context) {
                    context.logMetrics(1, Map.of("train_loss", 0.5));
                    context.savePredictions(List.of(CasePrediction.binary("c1", SplitPart.TEST, 1, 0.75)));
                    return new RunOutcome("{\"executor\":\"test\"}");
                }
            };
        }

        @Bean
        RunExecutor slow() {
            return new RunExecutor() {
                public RunKind kind() {
                    return RunKind.FINETUNE;
                }

                public RunOutcome execute(RunContext context) throws InterruptedException {
                    CANCEL_SEEN_RUNNING.countDown();
                    for (int batch = 0; batch < 600; batch++) {
                        context.checkCancelled();
                        Thread.sleep(100);
                    }
                    return new RunOutcome("{}");
                }
            };
        }
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void launchedRunIsExecutedInTheBackgroundAndCanBeCancelled() throws Exception {
        long exp = experiments.create("jobs", null).id();
        Run run = runs.launch(new NewRun(exp, "clinical", RunKind.CLINICAL, "t", "demo@1", "h", "{}", 1L));
        await().atMost(Duration.ofSeconds(90)).until(() -> runs.find(run.id()).orElseThrow().status().isTerminal());
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(runs.predictions(run.id())).hasSize(1);
        assertThat(runs.provenance(run.id())).contains("{\"executor\":\"test\"}");

        Run slow = runs.launch(new NewRun(exp, "slow", RunKind.FINETUNE, "t", "demo@1", "h", "{}", 1L));
        assertThat(CANCEL_SEEN_RUNNING.await(90, TimeUnit.SECONDS)).isTrue();
        runs.cancel(slow.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.find(slow.id()).orElseThrow().status().isTerminal());
        assertThat(runs.find(slow.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);

        // every run kind has an executor bean in the full application (classical, deeplearning), so the missing-
        // executor path is checked on a handler that knows none, right after launch (before the worker polls)
        Run orphan = runs.launch(new NewRun(exp, "no executor", RunKind.COMBINED, "t", "demo@1", "h", "{}", 1L));
        new ExecuteRunHandler(runs, List.of()).run(new ExecuteRun(orphan.id()));
        await().atMost(Duration.ofSeconds(60)).until(() -> runs.find(orphan.id()).orElseThrow().status().isTerminal());
        assertThat(runs.find(orphan.id()).orElseThrow().statusMessage()).contains("no executor for COMBINED");
    }
}
