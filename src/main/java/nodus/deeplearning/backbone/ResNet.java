package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * torchvision's ResNet with Bottleneck blocks (He et al. 2016, v1.5 strides): ResNet50 [3,4,6,3], ResNet101
 * [3,4,23,3], and Wide-ResNet50-2 (Zagoruyko &amp; Komodakis 2016) = ResNet50 with bottleneck width ×2
 * (width_per_group 128).
 */
final class ResNet extends Backbone {

    private final Conv conv1;
    private final BatchNorm2d bn1;
    private final Seq[] layers = new Seq[4];
    private Dense fc;

    ResNet(Architecture arch, int[] blocks, int baseWidth, int classes) {
        super(arch);
        conv1 = module("conv1", new Conv(3, 64, 7, 2, 3, false));
        bn1 = module("bn1", new BatchNorm2d(64));
        int inplanes = 64;
        int[] planes = {64, 128, 256, 512};
        for (int l = 0; l < 4; l++) {
            Seq layer = new Seq();
            for (int b = 0; b < blocks[l]; b++) {
                int stride = (l > 0 && b == 0) ? 2 : 1;
                layer.add(new Bottleneck(inplanes, planes[l], stride, baseWidth));
                inplanes = planes[l] * Bottleneck.EXPANSION;
            }
            layers[l] = module("layer" + (l + 1), layer);
        }
        fc = module("fc", new Dense(512 * Bottleneck.EXPANSION, classes));
    }

    @Override
    public NDArray lastConvMap(ParameterStore ps, NDArray x, boolean training) {
        // intermediates closed as soon as consumed (Ops.replace); x is the caller's
        NDArray y = Ops.run(conv1, ps, x, training);
        y = Ops.replace(y, Ops.run(bn1, ps, y, training));
        y = Ops.replace(y, Ops.relu(y));
        y = Ops.replace(y, Ops.maxPool(y, 3, 2, 1));
        for (Seq layer : layers) {
            y = Ops.replace(y, Ops.run(layer, ps, y, training));
        }
        return y;
    }

    @Override
    public NDArray penultimate(ParameterStore ps, NDArray map, boolean training) {
        return Ops.globalAvgPool(map);
    }

    @Override
    public String headName() {
        return "fc";
    }

    @Override
    Block headBlock() {
        return fc;
    }

    @Override
    void setHead(Dense head) {
        replaceModule("fc", head);
        fc = head;
    }
}
