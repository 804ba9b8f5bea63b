package nodus.deeplearning.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import nodus.base.security.Role;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.deeplearning.SyntheticStudy;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.ExperimentService;
import nodus.experiment.MetricPoint;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.jobs.ExecuteRun;
import nodus.experiment.jobs.ExecuteRunHandler;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A FINETUNE run executed by the job handler: per-epoch metrics, every case's prediction and penultimate
 * features stored, provenance with the pretrained=false flag, and a Grad-CAM PNG of a case from the run.
 * The study comes from a test-only {@link StudyDataSource} (synthetic PNGs), not the cohort feature.
 */
@SpringBootTest
class FineTuneRunTest {

    static Path home;

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        home = FreshDataHome.register(registry);
    }

    @TestConfiguration
    static class Studies {
        @Bean
        @Primary
        StudyDataSource syntheticStudies() {
            return new StudyDataSource() {
                StudyData data;

                @Override
                public synchronized StudyData load(String cohortRef, String task, String splitRef) {
                    if (!cohortRef.equals("synthetic@1")) {
                        throw new IllegalArgumentException("no cohort " + cohortRef);
                    }
                    if (data == null) {
                        data = SyntheticStudy.write(home.resolve("synthetic"), 1, 40, 21);
                    }
                    return data;
                }
            };
        }
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    ExecuteRunHandler handler;
    @Autowired
    GradCamService gradCam;
    @Autowired
    FineTuneProgressBoard board;

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void runStoresPredictionsFeaturesAndProvenanceAndGivesGradCam() throws Exception {
        TestSupport.djl();
        FineTuneSpec spec = FineTuneSpec.defaults("synthetic@1", "n0-vs-nplus", "main", "resnet50")
                .withTraining(32, 2, 4, 0.01);
        long exp = experiments.create("finetune", null).id();
        Run run = runs.launch(new NewRun(exp, "resnet50", RunKind.FINETUNE, spec.task(), spec.cohortRef(), "main",
                spec.toJson(), spec.seed()));
        handler.run(new ExecuteRun(run.id()));

        Run done = runs.find(run.id()).orElseThrow();
        assertThat(done.status()).as(done.statusMessage()).isEqualTo(RunStatus.FINISHED);
        assertThat(runs.predictions(run.id())).hasSize(8);
        Map<String, float[]> features = runs.caseFeatures(run.id());
        assertThat(features).hasSize(8);
        assertThat(features.values()).allSatisfy(f -> assertThat(f).hasSize(2048));
        assertThat(runs.metrics(run.id())).extracting(MetricPoint::key)
                .contains("train_loss", "val_loss", "val_auc", "train_accuracy", "pretrained");
        String provenance = runs.provenance(run.id()).orElseThrow();
        assertThat(provenance).contains("\"pretrained\":false", "\"splitHash\":\"splithash-synthetic\"",
                "\"libtorchVersion\"", "\"djlVersion\"", "\"seed\":42");
        // The network that predicted stays; the resume state (final weights + momentum) is gone once finished.
        assertThat(home.resolve("runs/" + run.id() + "/checkpoints/best/model.params")).exists();
        assertThat(home.resolve("runs/" + run.id() + "/checkpoints/last")).doesNotExist();

        Path png = gradCam.gradCamPng(run.id(), "c000", null);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isPositive();
    }

    /**
     * A researcher cancels while a batch is training: the run ends CANCELLED after at most that one batch (the
     * loop asks the run's cancel flag before every training and validation batch).
     */
    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void cancelStopsTheRunWithinOneBatch() throws Exception {
        TestSupport.djl();
        // 4 training cases in batches of 2 → 2 batches per epoch, 10 in all.
        FineTuneSpec spec = FineTuneSpec.defaults("synthetic@1", "n0-vs-nplus", "main", "resnet50")
                .withTraining(32, 5, 2, 0.01).withSeed(3);
        long exp = experiments.create("finetune cancel", null).id();
        Run run = runs.launch(new NewRun(exp, "cancelled", RunKind.FINETUNE, spec.task(), spec.cohortRef(), "main",
                spec.toJson(), spec.seed()));
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch second = new java.util.concurrent.CountDownLatch(1);
        Runnable unsubscribe = board.subscribe((id, p) -> {
            if (id == run.id() && batches.incrementAndGet() == 2) {
                second.countDown();
            }
        });
        Thread worker = new Thread(() -> handler.run(new ExecuteRun(run.id())), "job-worker");
        try {
            worker.start();
            assertThat(second.await(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            runs.cancel(run.id());
            int atCancel = batches.get();
            worker.join(java.time.Duration.ofMinutes(5).toMillis());
            assertThat(worker.isAlive()).isFalse();
            Run done = runs.find(run.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(RunStatus.CANCELLED);
            // The batch in flight when the cancel was committed may finish; no other batch starts.
            assertThat(batches.get() - atCancel).as("training batches finished after the cancel").isLessThanOrEqualTo(1);
            assertThat(batches.get()).isLessThan(10);
            assertThat(runs.predictions(run.id())).isEmpty();
        } finally {
            unsubscribe.run();
        }
    }
}
