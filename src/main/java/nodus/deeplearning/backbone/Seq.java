package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/** {@code torch.nn.Sequential}: children named "0", "1", … and applied in order. */
final class Seq extends TorchModule {

    /** Appends a child under the next index. */
    Seq add(Block block) {
        module(Integer.toString(namedChildren().size()), block);
        return this;
    }

    /** Appends a parameter-free step (ReLU, pooling) that still takes an index, as in torchvision. */
    Seq add(java.util.function.Function<NDArray, NDArray> op) {
        return add(LambdaBlock.singleton(op));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        // Each child runs in its own scope (Ops.run) and the previous step's output is closed once the next has
        // consumed it, so a Sequential holds one or two activations at a time, not all of them (VGG19's features
        // are one Sequential of 37 steps; a ResNet layer is one of 3–23 bottlenecks).
        NDArray input = inputs.singletonOrThrow();
        NDArray x = input;
        for (Map.Entry<String, Block> child : namedChildren()) {
            NDArray y = Ops.run(child.getValue(), ps, x, training);
            x = x == input ? y : Ops.replace(x, y);
        }
        return new NDList(x);
    }
}
