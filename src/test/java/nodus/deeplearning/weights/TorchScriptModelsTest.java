package nodus.deeplearning.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import nodus.deeplearning.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** tiny_torchscript.pt (torch.jit.script, torch 2.13.0): PyTorch's output, and fine-tuning in DJL. */
class TorchScriptModelsTest {

    @BeforeAll
    static void engine() {
        TestSupport.djl();
    }

    @Test
    void givesPyTorchsOutput() throws Exception {
        JsonNode ref = TestSupport.json("tiny_torchscript.json");
        try (TorchScriptModels.Loaded loaded = TorchScriptModels.load(TestSupport.resource("tiny_torchscript.pt"));
             NDManager m = loaded.model().getNDManager().newSubManager()) {
            NDArray x = m.create(TestSupport.referenceImage(16), new Shape(1, 3, 16, 16));
            float[] y = loaded.model().getBlock().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            assertThat(y).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat((double) y[i]).isCloseTo(ref.get("output").get(i).asDouble(), within(1e-5));
            }
            assertThat(loaded.provenance().format()).isEqualTo("torchscript");
            assertThat(loaded.provenance().sha256()).hasSize(64);
        }
    }

    @Test
    void fineTunesWholeOrHeadOnly() throws Exception {
        for (boolean headOnly : new boolean[] {false, true}) {
            try (TorchScriptModels.Loaded loaded =
                         TorchScriptModels.load(TestSupport.resource("tiny_torchscript.pt"))) {
                Map<String, float[]> before = snapshot(loaded);
                DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build());
                try (Trainer trainer = loaded.model().newTrainer(cfg)) {
                    if (headOnly) {
                        // After newTrainer: DJL unfreezes a loaded model's parameters when it makes a trainer.
                        assertThat(TorchScriptModels.freezeAllBut(loaded.model().getBlock(), "fc.")).isEqualTo(2);
                    }
                    NDManager m = trainer.getManager();
                    // A fixed batch of 4 images of the reference pattern, shifted per image, with labels 0,1,0,1.
                    float[] img = TestSupport.referenceImage(16);
                    float[] batch = new float[4 * img.length];
                    for (int b = 0; b < 4; b++) {
                        for (int i = 0; i < img.length; i++) {
                            batch[b * img.length + i] = img[i] * (b % 2 == 0 ? 1f : -1f) + 0.1f * b;
                        }
                    }
                    NDArray x = m.create(batch, new Shape(4, 3, 16, 16));
                    NDArray y = m.create(new float[] {0, 1, 0, 1});
                    float first = Float.NaN;
                    float last = Float.NaN;
                    for (int step = 0; step < 15; step++) {
                        try (NDManager sub = m.newSubManager()) {
                            x.attach(sub);
                            y.attach(sub);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(pred));
                                gc.backward(loss);
                                last = loss.getFloat();
                                first = step == 0 ? last : first;
                            }
                            trainer.step();
                            x.attach(m);
                            y.attach(m);
                        }
                    }
                    assertThat(last).as("loss after 15 SGD steps (head only: %s)", headOnly)
                            .isLessThan(first * 0.9f);
                }
                Map<String, float[]> after = snapshot(loaded);
                for (Map.Entry<String, float[]> e : before.entrySet()) {
                    if (!e.getKey().contains("running") && !e.getKey().contains("num_batches")) {
                        boolean changed = !java.util.Arrays.equals(e.getValue(), after.get(e.getKey()));
                        boolean head = e.getKey().startsWith("fc.");
                        assertThat(changed).as("%s changed (head only: %s)", e.getKey(), headOnly)
                                .isEqualTo(head || !headOnly);
                    }
                }
            }
        }
    }

    private static Map<String, float[]> snapshot(TorchScriptModels.Loaded loaded) {
        Map<String, float[]> m = new HashMap<>();
        for (Pair<String, Parameter> p : loaded.model().getBlock().getParameters()) {
            m.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return m;
    }
}
