package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

/**
 * torchvision's VGG19 without batch norm (Simonyan &amp; Zisserman 2015, configuration E). Parameter-free steps
 * (ReLU, max-pool, dropout) take indices as in torchvision, so the convs are {@code features.0, 2, 5, …, 34} and
 * the linear layers {@code classifier.0, 3, 6}.
 */
final class Vgg extends Backbone {

    /** Configuration E: channel counts, 0 = 2×2 max-pool. */
    private static final int[] CFG_E = {64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0,
        512, 512, 512, 512, 0};

    private final Seq features;
    private final Seq classifier;
    private Dense head;

    Vgg(int classes) {
        super(Architecture.VGG19);
        features = new Seq();
        int in = 3;
        for (int c : CFG_E) {
            if (c == 0) {
                features.add(x -> Ops.maxPool(x, 2, 2, 0));
            } else {
                features.add(new Conv(in, c, 3, 1, 1, true)).add(Ops::relu);
                in = c;
            }
        }
        module("features", features);
        head = new Dense(4096, classes);
        classifier = module("classifier", new Seq()
                .add(new Dense(512 * 7 * 7, 4096)).add(Ops::relu).add(Dropout.builder().optRate(0.5f).build())
                .add(new Dense(4096, 4096)).add(Ops::relu).add(Dropout.builder().optRate(0.5f).build())
                .add(head));
    }

    @Override
    public NDArray lastConvMap(ParameterStore ps, NDArray x, boolean training) {
        return Ops.run(features, ps, x, training);
    }

    @Override
    public NDArray penultimate(ParameterStore ps, NDArray map, boolean training) {
        NDArray pooled = Ops.adaptiveAvgPool(map, 7, 7);
        NDArray y = Ops.flatten(pooled);
        if (pooled != map) {
            pooled.close(); // y is a view: libtorch keeps the storage; the map is the caller's
        }
        // classifier.0 … classifier.5; classifier.6 is the head. Intermediates closed as soon as consumed.
        for (int i = 0; i < 6; i++) {
            y = Ops.replace(y, Ops.run(classifier.namedChildren().get(i).getValue(), ps, y, training));
        }
        return y;
    }

    @Override
    public String headName() {
        return "classifier.6";
    }

    @Override
    Block headBlock() {
        return head;
    }

    @Override
    void setHead(Dense newHead) {
        classifier.replaceModule("6", newHead);
        head = newHead;
    }
}
