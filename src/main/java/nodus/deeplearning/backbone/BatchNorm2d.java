package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * {@code torch.nn.BatchNorm2d}: weight (γ), bias (β) and the buffers running_mean, running_var, with PyTorch's
 * momentum 0.1 (DJL states momentum as 1 − PyTorch's, hence 0.9). {@code num_batches_tracked} is not kept: with a
 * fixed momentum PyTorch never reads it.
 */
final class BatchNorm2d extends AbstractBlock {

    /** PyTorch default ε; torchvision's Inception-v3 BasicConv2d uses 0.001. */
    static final float EPS_DEFAULT = 1e-5f;

    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private final int channels;
    private final float eps;

    BatchNorm2d(int channels, float eps) {
        this.channels = channels;
        this.eps = eps;
        Shape s = new Shape(channels);
        gamma = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA).optShape(s)
                .optInitializer(Initializer.ONES).build());
        beta = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA).optShape(s)
                .optInitializer(Initializer.ZEROS).build());
        runningMean = addParameter(Parameter.builder().setName("running_mean").setType(Parameter.Type.RUNNING_MEAN)
                .optShape(s).optRequiresGrad(false).optInitializer(Initializer.ZEROS).build());
        runningVar = addParameter(Parameter.builder().setName("running_var").setType(Parameter.Type.RUNNING_VAR)
                .optShape(s).optRequiresGrad(false).optInitializer(Initializer.ONES).build());
    }

    BatchNorm2d(int channels) {
        this(channels, EPS_DEFAULT);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        var d = x.getDevice();
        // axis -1: the PyTorch engine then calls torch.batch_norm directly (channel axis 1) instead of swapping
        // axes around it; training updates the running statistics in place, as PyTorch does.
        return BatchNorm.batchNorm(x, ps.getValue(runningMean, d, training), ps.getValue(runningVar, d, training),
                ps.getValue(gamma, d, training), ps.getValue(beta, d, training), -1, 0.9f, eps, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0]};
    }

    int channels() {
        return channels;
    }
}
