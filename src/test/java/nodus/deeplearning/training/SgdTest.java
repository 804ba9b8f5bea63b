package nodus.deeplearning.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Map;
import nodus.deeplearning.DjlEnvironment;
import org.junit.jupiter.api.Test;

/**
 * {@link Sgd} against torch.optim.SGD's documented update, worked by hand on two weights:
 * d = g + λw, b = d (first step) or μb + d, w ← w − ηb; loss = Σ c·w so g = c = (3, −1) at every step.
 * η = 0.1, μ = 0.9, λ = 0.01, w₀ = (1, 2):
 * step 1: d = (3.01, −0.98), w₁ = (0.699, 2.098);
 * step 2: d = (3.00699, −0.97902), b = (5.71599, −1.86102), w₂ = (0.127401, 2.284102).
 * Step 2 also shows the gradient was zeroed after step 1 (libtorch accumulates; 2c would give other values).
 */
class SgdTest {

    @Test
    void twoStepsEqualTorchSgdWorkedByHand() {
        Engine engine = DjlEnvironment.engine();
        try (NDManager m = engine.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, 2f});
            Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            p.setArray(w);
            w.setRequiresGradient(true);
            NDArray c = m.create(new float[] {3f, -1f});
            Sgd sgd = new Sgd(m, 0.9, 0.01);
            float[][] expected = {{0.699f, 2.098f}, {0.127401f, 2.284102f}};
            for (float[] e : expected) {
                try (NDManager step = m.newSubManager()) {
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        gc.backward(w.mul(c).sum());
                    }
                    sgd.step(Map.of("w", p), name -> 0.1, step);
                }
                assertArrayEquals(e, w.toFloatArray(), 1e-6f);
            }
        }
    }
}
