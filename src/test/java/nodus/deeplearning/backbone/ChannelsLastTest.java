package nodus.deeplearning.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.training.ParameterStore;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.training.TrainStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ChannelsLast}: the conversion changes the memory order of exactly the 4-D weights (libtorch's own
 * {@code is_contiguous()} says so), keeps names, shapes, values and gradient flags, and the network computes the
 * same logits to float rounding and still trains (these call the conversion directly); and which architectures'
 * training converts: ResNet50 and ResNet101 by default, all, none or a list by the property.
 */
class ChannelsLastTest {

    @org.junit.jupiter.api.Test
    void resNetsByDefaultOthersByTheProperty() {
        String before = System.getProperty(ChannelsLast.PROPERTY);
        try {
            System.clearProperty(ChannelsLast.PROPERTY);
            assertThat(java.util.Arrays.stream(Architecture.values()).filter(ChannelsLast::enabled))
                    .containsExactly(Architecture.RESNET50, Architecture.RESNET101);
            System.setProperty(ChannelsLast.PROPERTY, "false");
            assertThat(java.util.Arrays.stream(Architecture.values()).filter(ChannelsLast::enabled)).isEmpty();
            System.setProperty(ChannelsLast.PROPERTY, "true");
            assertThat(java.util.Arrays.stream(Architecture.values()).filter(ChannelsLast::enabled))
                    .containsExactly(Architecture.values());
            System.setProperty(ChannelsLast.PROPERTY, " Inception_V3 , vgg19");
            assertThat(java.util.Arrays.stream(Architecture.values()).filter(ChannelsLast::enabled))
                    .containsExactlyInAnyOrder(Architecture.INCEPTION_V3, Architecture.VGG19);
        } finally {
            if (before == null) {
                System.clearProperty(ChannelsLast.PROPERTY);
            } else {
                System.setProperty(ChannelsLast.PROPERTY, before);
            }
        }
    }

    @BeforeAll
    static void engine() {
        TestSupport.djl();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Architecture.class)
    void weightsChangeLayoutNotValuesAndLogitsAgree(Architecture arch) throws Exception {
        Backbone net = Backbones.create(arch, 3, 5);
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            Backbones.initialize(net, m);
            Map<String, Parameter> params = net.torchParameters(true);
            Map<String, float[]> before = new LinkedHashMap<>();
            Map<String, Shape> shapes = new LinkedHashMap<>();
            Map<String, Boolean> trainable = new LinkedHashMap<>();
            params.forEach((n, p) -> {
                before.put(n, p.getArray().toFloatArray());
                shapes.put(n, p.getArray().getShape());
                trainable.put(n, p.getArray().hasGradient());
            });
            String conv3x3 = arch == Architecture.INCEPTION_V3 ? "Conv2d_2a_3x3.conv.weight"
                    : arch == Architecture.VGG19 ? "features.2.weight" : "layer1.0.conv2.weight";
            String first = arch == Architecture.INCEPTION_V3 ? "Conv2d_1a_3x3.conv.weight"
                    : arch == Architecture.VGG19 ? "features.0.weight" : "conv1.weight";
            String oneD = arch == Architecture.INCEPTION_V3 ? "Conv2d_1a_3x3.bn.weight"
                    : arch == Architecture.VGG19 ? "features.0.bias" : "bn1.weight";
            long fourD = shapes.values().stream().filter(sh -> sh.dimension() == 4).count();
            assertThat(isContiguous(params.get(conv3x3).getArray())).isTrue();
            NDArray x = image(m, 2, arch == Architecture.INCEPTION_V3 ? 96 : 64);
            float[] logits = logits(net, m, x);

            int converted = ChannelsLast.convertAlways(net);

            assertThat(converted).as("4-D weights").isEqualTo(fourD).isPositive();
            Map<String, Parameter> after = net.torchParameters(true);
            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            for (String n : before.keySet()) {
                NDArray a = after.get(n).getArray();
                assertThat(a.getShape()).as(n).isEqualTo(shapes.get(n));
                assertThat(firstDifference(a.toFloatArray(), before.get(n))).as(n + ": first differing index")
                        .isEqualTo(-1);
                assertThat(a.getName()).as(n).isEqualTo(params.get(n).getArray().getName());
                assertThat(a.hasGradient()).as(n + " trainable").isEqualTo(trainable.get(n));
            }
            // a 3×3 kernel in channels-last order is no longer contiguous; 1-D parameters are untouched
            assertThat(isContiguous(after.get(conv3x3).getArray())).isFalse();
            assertThat(isContiguous(after.get(first).getArray())).isFalse();
            assertThat(isContiguous(after.get(oneD).getArray())).isTrue();
            assertThat(after.get(first).getArray().hasGradient()).isTrue();

            float[] again = logits(net, m, x);
            System.out.println(arch + " logits contiguous " + java.util.Arrays.toString(logits) + ", channels-last "
                    + java.util.Arrays.toString(again));
            for (int i = 0; i < logits.length; i++) {
                assertThat(again[i]).as("logit " + i).isCloseTo(logits[i],
                        org.assertj.core.data.Offset.offset(1e-4f * Math.max(1f, Math.abs(logits[i]))));
            }
        }
    }

    @Test
    void aConvertedNetworkTrains() {
        Backbone net = Backbones.create(Architecture.RESNET50, 2, 5);
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            Backbones.initialize(net, m);
            ChannelsLast.convertAlways(net);
            TrainStep step = TrainStep.fullSgd(net, m, 0.01, 0.9).prepare(m);
            NDArray x = image(m, 4, 64);
            NDArray y = m.create(new float[] {0, 1, 0, 1});
            float first = 0;
            float last = 0;
            for (int s = 0; s < 6; s++) {
                try (NDManager b = m.newSubManager()) {
                    float loss = step.run(b, x, y).loss().getFloat();
                    first = s == 0 ? loss : first;
                    last = loss;
                }
            }
            assertThat(last).as("loss on a fixed batch falls").isLessThan(first);
        }
    }

    private static float[] logits(Backbone net, NDManager m, NDArray x) {
        ParameterStore ps = new ParameterStore(m, false);
        return net.head(ps, net.penultimate(ps, net.lastConvMap(ps, x, false), false), false).toFloatArray();
    }

    /** -1 when equal bit for bit (AssertJ's array diff is quadratic on 2 M values). */
    private static int firstDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            return Math.min(a.length, b.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                return i;
            }
        }
        return -1;
    }

    private static NDArray image(NDManager m, int n, int size) {
        float[] px = new float[n * 3 * size * size];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextDouble(-2, 2);
        }
        return m.create(px, new Shape(n, 3, size, size));
    }

    /** libtorch's {@code Tensor::is_contiguous()} (DJL 0.36 has the native call but no public method). */
    private static boolean isContiguous(NDArray a) throws Exception {
        Class<?> lib = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
        Field instance = lib.getDeclaredField("LIB");
        instance.setAccessible(true);
        Method m = lib.getDeclaredMethod("torchIsContiguous", long.class);
        m.setAccessible(true);
        return (boolean) m.invoke(instance.get(null), ((PtNDArray) a).getHandle());
    }
}
