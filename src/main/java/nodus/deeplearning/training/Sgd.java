package nodus.deeplearning.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent exactly as {@code torch.optim.SGD} (no dampening, no Nesterov):
 * d = g + λ·w; b = d on the first step, else b = μ·b + d; w ← w − η·b. Written here rather than using DJL's
 * optimiser so that the momentum buffers can be checkpointed — a resumed run must continue with the same
 * optimiser state to end with the same weights.
 *
 * <p>Buffers live in the state manager given at construction; every temporary of a step lives in the step's
 * manager, so nothing accumulates across steps.
 */
final class Sgd {

    private final NDManager state;
    private final double momentum;
    private final double weightDecay;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    Sgd(NDManager state, double momentum, double weightDecay) {
        this.state = state;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    /**
     * One update of every parameter that has a gradient, then zeroes the gradients (libtorch accumulates them).
     *
     * @param lrOf learning rate of a parameter by its PyTorch name
     */
    void step(Map<String, Parameter> params, java.util.function.ToDoubleFunction<String> lrOf, NDManager step) {
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray w = e.getValue().getArray();
            if (!w.hasGradient()) {
                continue;
            }
            // An op's result belongs to its first operand's manager: every temporary is moved to the step's
            // manager explicitly, or it would live as long as the weights (a leak the memory test caught).
            NDArray g = w.getGradient();
            g.attach(step);
            NDArray d = g;
            if (weightDecay != 0) {
                NDArray decay = w.mul((float) weightDecay);
                decay.attach(step);
                d = g.add(decay);
            }
            NDArray b = buffers.get(e.getKey());
            if (b == null || momentum == 0) {
                b = d.duplicate();
                b.attach(state);
                NDArray old = buffers.put(e.getKey(), b);
                if (old != null) {
                    old.close();
                }
            } else {
                b.muli((float) momentum).addi(d);
            }
            NDArray update = b.mul((float) lrOf.applyAsDouble(e.getKey()));
            update.attach(step);
            w.subi(update);
            // zero_() rather than g − g: the latter turns an infinite gradient into NaN for the next step
            JniUtils.zeroGrad((PtNDArray) w);
        }
    }

    /**
     * Allocates every momentum buffer (zeros) before the first step. Numerically the same as torch's first step
     * (b = d, since μ·0 + d = d exactly); WHY: made at set-up the buffers sit together below the activations instead
     * of being scattered among the first step's intermediates, which fragments malloc's heaps.
     */
    void prepare(Map<String, Parameter> params) {
        if (momentum == 0) {
            return;
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray w = e.getValue().getArray();
            if (w.hasGradient() && !buffers.containsKey(e.getKey())) {
                buffers.put(e.getKey(), state.zeros(w.getShape(), w.getDataType()));
            }
        }
    }

    /** Writes the momentum buffers: count, then name, shape and float32 values of each. */
    void save(DataOutputStream out) throws IOException {
        out.writeInt(buffers.size());
        for (Map.Entry<String, NDArray> e : buffers.entrySet()) {
            out.writeUTF(e.getKey());
            long[] shape = e.getValue().getShape().getShape();
            out.writeInt(shape.length);
            for (long s : shape) {
                out.writeLong(s);
            }
            float[] v = e.getValue().toFloatArray();
            out.writeInt(v.length);
            for (float f : v) {
                out.writeFloat(f);
            }
        }
    }

    /** Replaces the buffers by those written by {@link #save}. */
    void load(DataInputStream in) throws IOException {
        buffers.values().forEach(NDArray::close);
        buffers.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            long[] shape = new long[in.readInt()];
            for (int k = 0; k < shape.length; k++) {
                shape[k] = in.readLong();
            }
            float[] v = new float[in.readInt()];
            for (int k = 0; k < v.length; k++) {
                v[k] = in.readFloat();
            }
            buffers.put(name, state.create(v, new Shape(shape)));
        }
    }
}
