package nodus.deeplearning.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.weights.StateDict;
import nodus.deeplearning.weights.StateDictLoader;
import nodus.deeplearning.weights.TorchStateDictReader;
import nodus.deeplearning.weights.TorchTensor;
import nodus.deeplearning.weights.WeightsException;
import ai.djl.ndarray.NDList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: PyTorch's tiny_state_dict.pth, read in Java and mapped by name onto the same network built from
 * Nodus' layers, gives PyTorch's eval output (tiny_torchscript.json, same weights, torch 2.13.0); and the mapping
 * refuses missing, unexpected and mis-shaped entries.
 */
class TinyNetLoadTest {

    @BeforeAll
    static void engine() {
        TestSupport.djl();
    }

    @Test
    void loadedStateDictReproducesPyTorchOutput() throws Exception {
        StateDict sd = TorchStateDictReader.read(TestSupport.resource("tiny_state_dict.pth"));
        JsonNode ref = TestSupport.json("tiny_torchscript.json");
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            TinyNet net = new TinyNet();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16));
            StateDictLoader.Report report = StateDictLoader.load(net, sd, StateDictLoader.Options.strict());
            assertThat(report.loaded()).isEqualTo(12);
            assertThat(net.torchParameters(true).get("bn1.running_var").getArray().toFloatArray())
                    .containsExactly(sd.get("bn1.running_var").floats());
            float[] out = net.forward(new ParameterStore(m, false),
                    new NDList(m.create(TestSupport.referenceImage(16), new Shape(1, 3, 16, 16))), false)
                    .singletonOrThrow().toFloatArray();
            assertThat(out).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat((double) out[i]).isCloseTo(ref.get("output").get(i).asDouble(),
                        org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    /**
     * Training through Nodus' own blocks (with their per-block NDManager scopes): the loss on a fixed batch falls
     * and the first layer, behind the scoped residual block, receives gradient and changes.
     */
    @Test
    void trainsThroughScopedBlocks() throws Exception {
        StateDict sd = TorchStateDictReader.read(TestSupport.resource("tiny_state_dict.pth"));
        try (ai.djl.Model model = ai.djl.Model.newInstance("tiny", DjlEnvironment.ENGINE)) {
            TinyNet net = new TinyNet();
            model.setBlock(net);
            var cfg = new ai.djl.training.DefaultTrainingConfig(ai.djl.training.loss.Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(ai.djl.training.optimizer.Optimizer.sgd()
                            .setLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(0.1f)).build());
            try (ai.djl.training.Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(4, 3, 16, 16));
                StateDictLoader.load(net, sd, StateDictLoader.Options.strict());
                float[] conv1Before = net.torchParameters(false).get("conv1.weight").getArray().toFloatArray();
                float[] img = TestSupport.referenceImage(16);
                float[] batch = new float[4 * img.length];
                for (int b = 0; b < 4; b++) {
                    for (int i = 0; i < img.length; i++) {
                        batch[b * img.length + i] = img[i] * (b % 2 == 0 ? 1f : -1f) + 0.1f * b;
                    }
                }
                float first = Float.NaN;
                float last = Float.NaN;
                for (int step = 0; step < 15; step++) {
                    try (NDManager sub = trainer.getManager().newSubManager()) {
                        var x = sub.create(batch, new Shape(4, 3, 16, 16));
                        var y = sub.create(new float[] {0, 1, 0, 1});
                        try (ai.djl.training.GradientCollector gc = trainer.newGradientCollector()) {
                            var pred = trainer.forward(new NDList(x)).singletonOrThrow();
                            var loss = trainer.getLoss().evaluate(new NDList(y), new NDList(pred));
                            gc.backward(loss);
                            last = loss.getFloat();
                            first = step == 0 ? last : first;
                        }
                        trainer.step();
                    }
                }
                assertThat(last).isLessThan(first * 0.9f);
                assertThat(net.torchParameters(false).get("conv1.weight").getArray().toFloatArray())
                        .isNotEqualTo(conv1Before);
            }
        }
    }

    @Test
    void refusesMissingUnexpectedAndMisShapedEntries() throws Exception {
        StateDict sd = TorchStateDictReader.read(TestSupport.resource("tiny_state_dict.pth"));
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            TinyNet net = new TinyNet();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16));

            Map<String, TorchTensor> t = new LinkedHashMap<>(sd.tensors());
            t.remove("fc.bias");
            assertThatThrownBy(() -> StateDictLoader.load(net, new StateDict(t, sd.provenance()),
                    StateDictLoader.Options.strict()))
                    .isInstanceOf(WeightsException.class).hasMessageContaining("1 missing (fc.bias)");

            Map<String, TorchTensor> u = new LinkedHashMap<>(sd.tensors());
            u.put("fc2.weight", sd.get("fc.weight"));
            assertThatThrownBy(() -> StateDictLoader.load(net, new StateDict(u, sd.provenance()),
                    StateDictLoader.Options.strict()))
                    .isInstanceOf(WeightsException.class).hasMessageContaining("1 unexpected (fc2.weight)");

            Map<String, TorchTensor> s = new LinkedHashMap<>(sd.tensors());
            s.put("fc.weight", new TorchTensor("float32", new long[] {4, 2}, sd.get("fc.weight").floats(), null));
            assertThatThrownBy(() -> StateDictLoader.load(net, new StateDict(s, sd.provenance()),
                    StateDictLoader.Options.strict()))
                    .isInstanceOf(WeightsException.class)
                    .hasMessageContaining("mis-shaped (fc.weight (file float32[4, 2], network [2, 4]))");
        }
    }
}
