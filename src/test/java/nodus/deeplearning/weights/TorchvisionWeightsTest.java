package nodus.deeplearning.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.backbone.Backbones;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mapping a torchvision-shaped ImageNet state dict (names and shapes of torchvision's resnet50, 1000 classes,
 * with num_batches_tracked) onto a 2-class ResNet50: head skipped, everything else loaded; and refusal of a file
 * for another architecture.
 */
class TorchvisionWeightsTest {

    @BeforeAll
    static void engine() {
        TestSupport.djl();
    }

    @Test
    void loadsTrunkAndKeepsTheNewHead() throws Exception {
        Backbone imagenet = Backbones.create(Architecture.RESNET50, 1000, 0);
        Map<String, TorchTensor> tensors = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Parameter> e : imagenet.torchParameters(true).entrySet()) {
            long[] shape = e.getValue().getShape().getShape();
            float[] v = new float[Math.toIntExact(e.getValue().getShape().size())];
            java.util.Arrays.fill(v, 0.001f * (i++ % 7));
            tensors.put(e.getKey(), new TorchTensor("float32", shape, v, null));
            if (e.getKey().endsWith(".running_var")) {
                tensors.put(e.getKey().replace("running_var", "num_batches_tracked"),
                        new TorchTensor("int64", new long[0], null, new long[] {100}));
            }
        }
        StateDict sd = new StateDict(tensors, new WeightsProvenance("torch-state-dict", "resnet50-0676ba61.pth",
                "0676ba61" + "0".repeat(56), 1, Instant.now()));
        assertThat(sd.provenance().matchesTorchvisionHashPrefix()).isTrue();

        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            Backbone net = Backbones.create(Architecture.RESNET50, 2, 5);
            Backbones.initialize(net, m);
            float[] headBefore = net.torchParameters(false).get("fc.weight").getArray().toFloatArray();
            StateDictLoader.Report r = StateDictLoader.load(net, sd, StateDictLoader.Options.torchvision(net, true));
            assertThat(r.skipped()).containsExactly("fc.weight", "fc.bias");
            assertThat(r.loaded()).isEqualTo(net.torchParameters(true).size() - 2);
            assertThat(net.torchParameters(true).get("layer4.2.bn3.running_var").getArray().toFloatArray())
                    .containsExactly(sd.get("layer4.2.bn3.running_var").floats());
            assertThat(net.torchParameters(false).get("fc.weight").getArray().toFloatArray())
                    .containsExactly(headBefore);

            // The head is replaceable after loading: 3 classes, same PyTorch name, fresh seeded values.
            net.replaceHead(3, 9);
            Backbones.initializeHead(net, m);
            assertThat(net.numClasses()).isEqualTo(3);
            assertThat(net.torchParameters(false).get("fc.weight").getShape())
                    .isEqualTo(new ai.djl.ndarray.types.Shape(3, 2048));
            assertThat(net.forward(new ai.djl.training.ParameterStore(m, false),
                    new ai.djl.ndarray.NDList(m.ones(new ai.djl.ndarray.types.Shape(1, 3, 32, 32))), false)
                    .singletonOrThrow().getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(1, 3));

            // Head-only fine-tuning: everything but fc.* frozen.
            net.freezeTrunk(true);
            assertThat(net.torchParameters(false).get("conv1.weight").requiresGradient()).isFalse();
            assertThat(net.torchParameters(false).get("layer4.2.bn3.weight").requiresGradient()).isFalse();
            assertThat(net.torchParameters(false).get("fc.weight").requiresGradient()).isTrue();
            net.freezeTrunk(false);
            assertThat(net.torchParameters(false).get("conv1.weight").requiresGradient()).isTrue();

            // Without skipping the head, the 1000-class head does not fit the 2-class network.
            assertThatThrownBy(() -> StateDictLoader.load(net, sd, StateDictLoader.Options.strict()))
                    .isInstanceOf(WeightsException.class)
                    .hasMessageContaining("2 mis-shaped (fc.weight (file float32[1000, 2048], network [3, 2048])");

            // A ResNet50 file onto Wide-ResNet50-2: refused before anything is copied.
            Backbone wide = Backbones.create(Architecture.WIDE_RESNET50_2, 2, 5);
            assertThatThrownBy(() -> StateDictLoader.load(wide, sd, StateDictLoader.Options.torchvision(wide, true)))
                    .isInstanceOf(WeightsException.class)
                    .hasMessageContaining("resnet50-0676ba61.pth does not fit the network")
                    .hasMessageContaining("mis-shaped (layer1.0.conv1.weight (file float32[64, 64, 1, 1], "
                            + "network [128, 64, 1, 1])");
        }
    }
}
