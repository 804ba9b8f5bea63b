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
        NDList x = inputs;
        for (Map.Entry<String, Block> child : namedChildren()) {
            x = child.getValue().forward(ps, x, training, params);
        }
        return x;
    }
}
