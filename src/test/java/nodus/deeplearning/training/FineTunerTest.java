package nodus.deeplearning.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nodus.cohort.study.StudyData;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.SyntheticStudy;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.weights.NodusCheckpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop on ResNet50 at 32²: resume determinism, cancellation, memory. */
class FineTunerTest {

    @TempDir
    static Path tmp;
    static StudyData study;

    @BeforeAll
    static void setUp() {
        TestSupport.djl();
        study = SyntheticStudy.write(tmp.resolve("study"), 2, 40, 7);
    }

    static FineTuneSpec spec(int epochs) {
        return FineTuneSpec.defaults("synthetic@1", "n0-vs-nplus", "s", "resnet50")
                .withTraining(32, epochs, 4, 0.01).withSeed(11);
    }

    @Test
    void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws Exception {
        List<Double> straight = new ArrayList<>();
        List<Double> resumedLoss = new ArrayList<>();
        FineTuner.builder().setSpec(spec(3)).setData(study).setCheckpointDir(tmp.resolve("straight"))
                .optKeepResumeState(true).optListener(lossesTo(straight)).build().run();

        // Crash during epoch 2 (after one batch of it), then resume.
        AtomicInteger batches = new AtomicInteger();
        TrainingListener crash = new TrainingListener() {
            @Override
            public void checkCancelled() {
                if (batches.incrementAndGet() == 2 + 1 + 2) { // epoch 1: 2 train + 1 val batches; epoch 2: 1 batch done
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        Path resumedDir = tmp.resolve("resumed");
        assertThatThrownBy(() -> FineTuner.builder().setSpec(spec(3)).setData(study).setCheckpointDir(resumedDir)
                .optListener(crash).build().run()).hasMessageContaining("simulated crash");
        assertThat(new Checkpoints(resumedDir).readState().orElseThrow().epochsDone()).isEqualTo(1);
        FineTuner.builder().setSpec(spec(3)).setData(study).setCheckpointDir(resumedDir).optResume(true)
                .optKeepResumeState(true).optListener(lossesTo(resumedLoss)).build().run();
        assertThat(resumedLoss).hasSize(2);

        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            Backbone a = NodusCheckpoint.load(tmp.resolve("straight/last/model.json"), m).backbone();
            Backbone b = NodusCheckpoint.load(resumedDir.resolve("last/model.json"), m).backbone();
            Map<String, Parameter> pa = a.torchParameters(true);
            Map<String, Parameter> pb = b.torchParameters(true);
            assertThat(pb.keySet()).containsExactlyElementsOf(pa.keySet());
            List<String> differing = new ArrayList<>();
            for (String name : pa.keySet()) {
                float[] x = pa.get(name).getArray().toFloatArray();
                float[] y = pb.get(name).getArray().toFloatArray();
                if (!java.util.Arrays.equals(x, y)) {
                    double max = 0;
                    for (int i = 0; i < x.length; i++) {
                        max = Math.max(max, Math.abs(x[i] - y[i]));
                    }
                    differing.add(name + " (max |Δ| " + max + ")");
                }
            }
            System.out.println("straight " + straight + "\nresumed " + resumedLoss);
            assertThat(differing).as("parameters that differ bit-for-bit").isEmpty();
        }
    }

    static TrainingListener lossesTo(List<Double> losses) {
        return new TrainingListener() {
            @Override
            public void onEpoch(int epoch, Map<String, Double> metrics) {
                losses.add(metrics.get("train_loss"));
            }
        };
    }

    @Test
    void cancelStopsWithinOneBatch() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger progress = new AtomicInteger();
        TrainingListener l = new TrainingListener() {
            @Override
            public void checkCancelled() {
                if (calls.incrementAndGet() > 2) {
                    throw new CancellationRequested();
                }
            }

            @Override
            public void onProgress(TrainingProgress p) {
                progress.incrementAndGet();
            }
        };
        assertThatThrownBy(() -> FineTuner.builder().setSpec(spec(5)).setData(study)
                .setCheckpointDir(tmp.resolve("cancel")).optListener(l).build().run())
                .isInstanceOf(CancellationRequested.class);
        // The cancel was seen before the third batch: exactly two batches ran.
        assertThat(progress.get()).isEqualTo(2);
        assertThat(Files.exists(tmp.resolve("cancel/last"))).isFalse();
    }

    static final class CancellationRequested extends RuntimeException {
    }
}
