package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code torch.nn.Conv2d} (groups 1, dilation 1): weight [out, in, kh, kw], optional bias [out]. */
final class Conv extends AbstractBlock {

    private final Parameter weight;
    private final Parameter bias;
    private final Shape stride;
    private final Shape padding;
    private final int out;

    /** Square kernel {@code k}, stride {@code s}, padding {@code p}. */
    Conv(int in, int out, int k, int s, int p, boolean withBias) {
        this(in, out, k, k, s, p, p, withBias);
    }

    Conv(int in, int out, int kh, int kw, int s, int padH, int padW, boolean withBias) {
        this.out = out;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in, kh, kw)).build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(out)).build()) : null;
        stride = new Shape(s, s);
        padding = new Shape(padH, padW);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
        return Conv2d.conv2d(x, w, b, stride, padding, new Shape(1, 1), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        Shape k = weight.getShape();
        long h = (in.get(2) + 2 * padding.get(0) - k.get(2)) / stride.get(0) + 1;
        long w = (in.get(3) + 2 * padding.get(1) - k.get(3)) / stride.get(1) + 1;
        return new Shape[] {new Shape(in.get(0), out, h, w)};
    }
}
