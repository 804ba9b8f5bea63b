package nodus.deeplearning.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Architecture parity with torchvision: references made by make_backbone_parity.py with torch 2.13.0 and
 * torchvision 0.28.0 (copied from /work/shared/reference/backbones). Every parameter and BN buffer is set by the
 * script's formula of name and flat index; the eval-mode logits and penultimate summary must then agree. One
 * forward pass per model at its reference size, in its own NDManager.
 */
class BackboneParityTest {

    /** Relative tolerance demanded by issue 6; float32 summation-order differences are ~1e-5. */
    private static final double REL = 1e-3;

    @BeforeAll
    static void engine() {
        TestSupport.djl();
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void namesShapesAndOutputsEqualTorchvision(Architecture arch) {
        JsonNode ref = TestSupport.json(arch.torchvisionName() + ".json");
        Backbone net = Backbones.create(arch, 1000, 1);

        // 1. Parameter names, shapes, order and count (named_parameters(): no BN buffers).
        Map<String, Parameter> params = net.torchParameters(false);
        List<String> expected = new ArrayList<>();
        for (JsonNode p : ref.get("parameters")) {
            expected.add(p.get(0).asText() + " " + p.get(1).toString().replace(" ", ""));
        }
        List<String> actual = new ArrayList<>();
        long count = 0;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            actual.add(e.getKey() + " " + shapeJson(e.getValue().getShape()));
            count += e.getValue().getShape().size();
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(count).isEqualTo(ref.get("parameter_count").asLong());

        // 2. Outputs with the formula's values (eval mode).
        for (Map.Entry<String, Parameter> e : net.torchParameters(true).entrySet()) {
            e.getValue().setInitializer(formula(e.getKey(), e.getValue()));
        }
        int size = ref.get("input_size").asInt();
        assertThat(size).isEqualTo(arch.inputSize());
        try (NDManager manager = DjlEnvironment.engine().newBaseManager()) {
            Backbones.initialize(net, manager);
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.create(TestSupport.referenceImage(size), new Shape(1, 3, size, size));
            NDArray pen = net.penultimate(ps, net.lastConvMap(ps, x, false), false);
            float[] logits = net.head(ps, pen, false).toFloatArray();
            float[] penultimate = pen.toFloatArray();

            double[] refLogits = doubles(ref.get("logits"));
            assertThat(logits).hasSize(refLogits.length);
            double scale = maxAbs(refLogits);
            double worst = 0;
            for (int i = 0; i < logits.length; i++) {
                worst = Math.max(worst, Math.abs(logits[i] - refLogits[i]) / scale);
            }
            System.out.printf("%s: max |Δlogit| / max|logit| = %.2e (max|logit| %.3g)%n", arch, worst, scale);
            assertThat(worst).as("logits, relative to their largest magnitude").isLessThan(REL);
            for (int i = 0; i < logits.length; i++) {
                // Element-wise relative check wherever the logit is not a float32 cancellation residue.
                if (Math.abs(refLogits[i]) >= 1e-3 * scale) {
                    assertThat(Math.abs(logits[i] - refLogits[i])).as("logit %d", i)
                            .isLessThanOrEqualTo(REL * Math.abs(refLogits[i]));
                }
            }

            JsonNode summary = ref.get("penultimate");
            assertThat(penultimate).hasSize(summary.get("length").asInt());
            assertThat(penultimate.length).isEqualTo(arch.featureDim());
            double sum = 0;
            double sumSq = 0;
            for (float v : penultimate) {
                sum += v;
                sumSq += (double) v * v;
            }
            assertThat(relErr(sum, summary.get("sum").asDouble())).as("penultimate sum").isLessThan(REL);
            assertThat(relErr(sumSq, summary.get("sum_sq").asDouble())).as("penultimate sum_sq").isLessThan(REL);
            double[] first = doubles(summary.get("first16"));
            double penScale = Math.sqrt(summary.get("sum_sq").asDouble() / penultimate.length);
            for (int i = 0; i < first.length; i++) {
                assertThat(Math.abs(penultimate[i] - first[i]) / penScale).as("penultimate[%d]", i)
                        .isLessThan(REL);
            }
        }
    }

    private static String shapeJson(Shape s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.dimension(); i++) {
            b.append(i == 0 ? "" : ",").append(s.get(i));
        }
        return b.append(']').toString();
    }

    /** make_backbone_parity.py's formula: value from name and flat index (docstring of that script). */
    static Initializer formula(String name, Parameter p) {
        return (manager, shape, dataType) -> {
            int n = Math.toIntExact(shape.size());
            double k = (name.chars().sum() % 97) / 10.0;
            double fanIn = (double) n / shape.get(0);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                double s = Math.sin(0.37 * i + k);
                v[i] = (float) switch (p.getType()) {
                    case WEIGHT -> Math.sqrt(3.0 / fanIn) * s;
                    case BIAS, BETA, RUNNING_MEAN -> 0.1 * s;
                    case GAMMA -> 1 + 0.1 * s;
                    case RUNNING_VAR -> 0.75 + 0.25 * s;
                    default -> throw new IllegalStateException(name);
                };
            }
            return manager.create(v, shape);
        };
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double relErr(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }
}
