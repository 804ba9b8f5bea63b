package nodus.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nodus.base.security.Role;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class RunServiceTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @TestConfiguration
    static class Events {
        final List<RunEvent> seen = new ArrayList<>();

        @EventListener
        void on(RunEvent event) {
            seen.add(event);
        }
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    Events events;

    private NewRun newRun(long experimentId, String spec) {
        return new NewRun(experimentId, "radiomics", RunKind.RADIOMICS, "n0-vs-nplus", "demo@1", "abc123", spec, 7L);
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void runLifecycleStoresMetricsAndPredictionsAndPublishesEvents() {
        long exp = experiments.create("lifecycle", null).id();
        Run run = runs.launch(newRun(exp, "{\"binWidth\":25}"));
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(run.specHash()).hasSize(64);
        // Same content address → the same run, not a second one.
        assertThat(runs.launch(newRun(exp, "{\"binWidth\":25}")).id()).isEqualTo(run.id());
        assertThat(runs.launch(newRun(exp, "{\"binWidth\":5}")).id()).isNotEqualTo(run.id());

        runs.markRunning(run.id());
        runs.logMetrics(run.id(), 1, Map.of("train_loss", 0.69, "val_auc", 0.61));
        runs.logMetrics(run.id(), 1, Map.of("train_loss", 0.65));
        runs.savePredictions(run.id(), List.of(
                CasePrediction.binary("c1", SplitPart.TRAIN, 1, 0.9),
                CasePrediction.binary("c2", SplitPart.TEST, 0, 0.2),
                new CasePrediction("c3", SplitPart.TEST, 2, 0.5, new double[] {0.1, 0.4, 0.5})));
        runs.saveCaseFeatures(run.id(), Map.of("c1", new float[] {1.5f, -2f, 0f}, "c2", new float[] {0f, 1e-3f, 7f}));
        runs.finish(run.id(), "{\"seed\":7}");

        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(runs.metrics(run.id())).extracting(MetricPoint::key, MetricPoint::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("train_loss", 0.65),
                        org.assertj.core.groups.Tuple.tuple("val_auc", 0.61));
        assertThat(runs.predictions(run.id())).hasSize(3)
                .anySatisfy(p -> assertThat(p.probabilities()).containsExactly(0.1, 0.4, 0.5));
        assertThat(runs.provenance(run.id())).contains("{\"seed\":7}");
        assertThat(runs.caseFeatures(run.id())).containsOnlyKeys("c1", "c2");
        assertThat(runs.caseFeatures(run.id()).get("c2")).containsExactly(0f, 1e-3f, 7f);
        assertThat(events.seen).filteredOn(e -> e.runId() == run.id()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Created", "Started", "MetricsLogged", "MetricsLogged", "PredictionsSaved", "Ended");
        assertThatThrownBy(() -> runs.markRunning(run.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void duplicateCaseIdsAreRefused() {
        long exp = experiments.create("dupes", null).id();
        Run run = runs.launch(newRun(exp, "{}"));
        assertThatThrownBy(() -> runs.savePredictions(run.id(), List.of(
                CasePrediction.binary("c1", SplitPart.TRAIN, 1, 0.9),
                CasePrediction.binary("c1", SplitPart.TEST, 0, 0.2))))
                .hasMessageContaining("case c1 has two predictions");
        assertThat(runs.predictions(run.id())).isEmpty();
    }

    @Test
    @WithMockUser(username = "sue", roles = Role.SUPERVISOR_NAME)
    void supervisorCannotLaunchOrCancel() {
        assertThatThrownBy(() -> runs.launch(newRun(1, "{}"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.cancel(1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void cancellingAQueuedRunEndsIt() {
        long exp = experiments.create("cancel", null).id();
        Run run = runs.launch(newRun(exp, "{}"));
        runs.cancel(run.id());
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(runs.cancelRequested(run.id())).isTrue();
        assertThatThrownBy(() -> runs.cancel(run.id())).hasMessageContaining("already ended");
    }
}
