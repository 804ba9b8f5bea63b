package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

/** Parameter-free functional ops with torch.nn.functional's semantics. */
final class Ops {

    private Ops() {
    }

    /**
     * Runs a block; a composite block runs in its own NDManager so that its intermediate arrays are freed as soon
     * as it returns, and only its output moves to the caller's manager. WHY: DJL frees an array only when its
     * manager closes, so without this a whole network's activations stay alive until the batch ends (ResNet50
     * inference peaked at 3.3 GB in the probe, issue 6). Autograd keeps what backward needs through libtorch's
     * own references, so closing the Java handles is safe while training too.
     */
    static NDArray run(Block block, ParameterStore ps, NDArray x, boolean training) {
        if (!(block instanceof TorchModule)) {
            return block.forward(ps, new NDList(x), training).singletonOrThrow();
        }
        NDManager parent = x.getManager();
        try (NDManager scope = parent.newSubManager()) {
            x.tempAttach(scope);
            NDArray y = block.forward(ps, new NDList(x), training).singletonOrThrow();
            y.attach(parent);
            return y;
        }
    }

    /**
     * Returns {@code next} after closing {@code old}, the previous intermediate of a chain of steps (unless it is
     * {@code next} itself, e.g. an identity step). WHY: the equivalent of PyTorch dropping the last reference to an
     * intermediate — without it the array lives until its manager closes, so a block holds all its intermediates at
     * once. Closing the Java handle never frees what autograd saved for backward (libtorch keeps its own
     * reference), so this is safe in training. Never pass the caller's input as {@code old}.
     */
    static NDArray replace(NDArray old, NDArray next) {
        if (old != next) {
            old.close();
        }
        return next;
    }

    static NDArray relu(NDArray x) {
        return Activation.relu(x);
    }

    /** {@code F.max_pool2d(x, k, s, p)}, floor mode. */
    static NDArray maxPool(NDArray x, int k, int s, int p) {
        return Pool.maxPool2d(x, new Shape(k, k), new Shape(s, s), new Shape(p, p), false);
    }

    /** {@code F.avg_pool2d(x, k, s, p)} with PyTorch's default count_include_pad=True. */
    static NDArray avgPool(NDArray x, int k, int s, int p) {
        return Pool.avgPool2d(x, new Shape(k, k), new Shape(s, s), new Shape(p, p), false, true);
    }

    /** {@code AdaptiveAvgPool2d((1, 1))} then {@code flatten(1)}: [N, C, H, W] → [N, C]. */
    static NDArray globalAvgPool(NDArray x) {
        return Pool.globalAvgPool2d(x);
    }

    /**
     * {@code AdaptiveAvgPool2d((oh, ow))}: output cell i averages rows floor(i·H/oh) … ceil((i+1)·H/oh) − 1 (and
     * likewise columns), PyTorch's definition. The identity when the map already has the output size (VGG19 at
     * 224², 7×7), which is the common case and costs nothing.
     */
    static NDArray adaptiveAvgPool(NDArray x, int oh, int ow) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h == oh && w == ow) {
            return x;
        }
        NDList rows = new NDList();
        for (int i = 0; i < oh; i++) {
            long h0 = Math.floorDiv(i * h, oh);
            long h1 = -Math.floorDiv(-(i + 1) * h, oh);
            NDList cols = new NDList();
            for (int j = 0; j < ow; j++) {
                long w0 = Math.floorDiv(j * w, ow);
                long w1 = -Math.floorDiv(-(j + 1) * w, ow);
                NDArray cell = x.get(new NDIndex(":, :, {}:{}, {}:{}", h0, h1, w0, w1));
                cols.add(cell.mean(new int[] {3}, true).mean(new int[] {2}, true));
            }
            rows.add(NDArrays.concat(cols, 3));
        }
        return NDArrays.concat(rows, 2);
    }

    /** {@code torch.flatten(x, 1)}. */
    static NDArray flatten(NDArray x) {
        return x.reshape(x.getShape().get(0), -1);
    }
}
