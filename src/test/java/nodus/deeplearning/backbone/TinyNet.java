package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The TinyNet of make_tiny_files.py (conv-BN-ReLU, one residual block, avg-pool, linear), in Nodus' layers. */
public final class TinyNet extends TorchModule {

    private final Conv conv1;
    private final BatchNorm2d bn1;
    private final Seq layer1;
    private final Dense fc;

    public TinyNet() {
        conv1 = module("conv1", new Conv(3, 4, 3, 2, 1, false));
        bn1 = module("bn1", new BatchNorm2d(4));
        layer1 = module("layer1", new Seq().add(new Block4()));
        fc = module("fc", new Dense(4, 2));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        NDArray x = Ops.relu(Ops.run(bn1, ps, Ops.run(conv1, ps, in.singletonOrThrow(), training), training));
        x = Ops.run(layer1, ps, x, training);
        return new NDList(Ops.run(fc, ps, Ops.globalAvgPool(x), training));
    }

    /** make_tiny_files.Block(4): relu(bn1(conv1(x)) + x). */
    static final class Block4 extends TorchModule {
        private final Conv conv1 = module("conv1", new Conv(4, 4, 3, 1, 1, false));
        private final BatchNorm2d bn1 = module("bn1", new BatchNorm2d(4));

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {
            NDArray x = in.singletonOrThrow();
            return new NDList(Ops.relu(Ops.run(bn1, ps, Ops.run(conv1, ps, x, t), t).add(x)));
        }
    }
}
