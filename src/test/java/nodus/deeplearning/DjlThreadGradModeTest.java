package nodus.deeplearning;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A training step on a thread other than the one that created the engine (as on a job worker): after the gradient
 * collector closes, the in-place parameter update must be allowed. With PyTorch's per-thread default grad mode
 * (on) it failed with "a leaf Variable that requires grad is being used in an in-place operation".
 */
class DjlThreadGradModeTest {

    @Test
    void inPlaceUpdateAfterBackwardWorksOnAnotherThread() throws Exception {
        TestSupport.djl();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<float[]> updated = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            Engine engine = DjlEnvironment.engine();
            try (NDManager m = engine.newBaseManager()) {
                NDArray w = m.create(new float[] {1f, 2f});
                w.setRequiresGradient(true);
                try (GradientCollector gc = engine.newGradientCollector()) {
                    gc.backward(w.mul(w).sum()); // d/dw Σw² = 2w
                }
                w.subi(w.getGradient().mul(0.25f)); // w − 0.25·2w = w/2
                updated.set(w.toFloatArray());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "not-the-engine-thread");
        worker.start();
        worker.join();
        assertThat(failure.get()).isNull();
        assertThat(updated.get()).containsExactly(0.5f, 1f);
    }
}
