package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * torchvision's {@code Bottleneck} (ResNet v1.5: the stride sits on the 3×3 conv, not the first 1×1 as in DJL's
 * ResNetV1). width = planes · baseWidth / 64 (baseWidth 128 gives Wide-ResNet50-2); expansion 4.
 */
final class Bottleneck extends TorchModule {

    static final int EXPANSION = 4;

    private final Conv conv1;
    private final BatchNorm2d bn1;
    private final Conv conv2;
    private final BatchNorm2d bn2;
    private final Conv conv3;
    private final BatchNorm2d bn3;
    private final Seq downsample;

    Bottleneck(int inplanes, int planes, int stride, int baseWidth) {
        int width = planes * baseWidth / 64;
        conv1 = module("conv1", new Conv(inplanes, width, 1, 1, 0, false));
        bn1 = module("bn1", new BatchNorm2d(width));
        conv2 = module("conv2", new Conv(width, width, 3, stride, 1, false));
        bn2 = module("bn2", new BatchNorm2d(width));
        conv3 = module("conv3", new Conv(width, planes * EXPANSION, 1, 1, 0, false));
        bn3 = module("bn3", new BatchNorm2d(planes * EXPANSION));
        if (stride != 1 || inplanes != planes * EXPANSION) {
            downsample = module("downsample", new Seq()
                    .add(new Conv(inplanes, planes * EXPANSION, 1, stride, 0, false))
                    .add(new BatchNorm2d(planes * EXPANSION)));
        } else {
            downsample = null;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        // each intermediate is closed as soon as the next step has consumed it (Ops.replace), as PyTorch frees
        // it when its last reference goes; x is the caller's and stays open
        NDArray out = Ops.run(conv1, ps, x, training);
        out = Ops.replace(out, Ops.run(bn1, ps, out, training));
        out = Ops.replace(out, Ops.relu(out));
        out = Ops.replace(out, Ops.run(conv2, ps, out, training));
        out = Ops.replace(out, Ops.run(bn2, ps, out, training));
        out = Ops.replace(out, Ops.relu(out));
        out = Ops.replace(out, Ops.run(conv3, ps, out, training));
        out = Ops.replace(out, Ops.run(bn3, ps, out, training));
        if (downsample == null) {
            out.addi(x);
        } else {
            NDArray identity = Ops.run(downsample, ps, x, training);
            out.addi(identity);
            identity.close();
        }
        return new NDList(Ops.replace(out, Ops.relu(out)));
    }
}
