package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * torchvision's Inception-v3 (Szegedy et al. 2016) without the auxiliary classifier ({@code aux_logits=False}).
 * Module names follow torchvision ({@code Mixed_5b.branch1x1.conv.weight}); BasicConv2d is conv (no bias) + BN
 * (ε 0.001) + ReLU. {@code transformInput} re-normalises ImageNet-normalised input to the [-1, 1] scaling Google's
 * weights were trained with; torchvision turns it on only when it loads those weights.
 */
final class InceptionV3 extends Backbone {

    private final boolean transformInput;
    private final Block[] stem;
    private final Block[] mixed;
    private final Dropout dropout;
    private Dense fc;

    InceptionV3(int classes, boolean transformInput) {
        super(Architecture.INCEPTION_V3);
        this.transformInput = transformInput;
        stem = new Block[] {
            module("Conv2d_1a_3x3", new BasicConv2d(3, 32, 3, 3, 2, 0, 0)),
            module("Conv2d_2a_3x3", new BasicConv2d(32, 32, 3, 3, 1, 0, 0)),
            module("Conv2d_2b_3x3", new BasicConv2d(32, 64, 3, 3, 1, 1, 1)),
            module("Conv2d_3b_1x1", new BasicConv2d(64, 80, 1, 1, 1, 0, 0)),
            module("Conv2d_4a_3x3", new BasicConv2d(80, 192, 3, 3, 1, 0, 0)),
        };
        mixed = new Block[] {
            module("Mixed_5b", new InceptionA(192, 32)),
            module("Mixed_5c", new InceptionA(256, 64)),
            module("Mixed_5d", new InceptionA(288, 64)),
            module("Mixed_6a", new InceptionB(288)),
            module("Mixed_6b", new InceptionC(768, 128)),
            module("Mixed_6c", new InceptionC(768, 160)),
            module("Mixed_6d", new InceptionC(768, 160)),
            module("Mixed_6e", new InceptionC(768, 192)),
            module("Mixed_7a", new InceptionD(768)),
            module("Mixed_7b", new InceptionE(1280)),
            module("Mixed_7c", new InceptionE(2048)),
        };
        dropout = module("dropout", Dropout.builder().optRate(0.5f).build());
        fc = module("fc", new Dense(2048, classes));
    }

    @Override
    public NDArray lastConvMap(ParameterStore ps, NDArray x, boolean training) {
        // intermediates closed as soon as consumed (Ops.replace); x is the caller's
        NDArray y = transformInput ? transform(x) : x;
        NDArray first = Ops.run(stem[0], ps, y, training);
        y = y == x ? first : Ops.replace(y, first);
        y = Ops.replace(y, Ops.run(stem[1], ps, y, training));
        y = Ops.replace(y, Ops.run(stem[2], ps, y, training));
        y = Ops.replace(y, Ops.maxPool(y, 3, 2, 0));
        y = Ops.replace(y, Ops.run(stem[3], ps, y, training));
        y = Ops.replace(y, Ops.run(stem[4], ps, y, training));
        y = Ops.replace(y, Ops.maxPool(y, 3, 2, 0));
        for (Block m : mixed) {
            y = Ops.replace(y, Ops.run(m, ps, y, training));
        }
        return y;
    }

    @Override
    public NDArray penultimate(ParameterStore ps, NDArray map, boolean training) {
        NDArray pooled = Ops.globalAvgPool(map);
        return Ops.replace(pooled, Ops.run(dropout, ps, pooled, training));
    }

    /** torchvision's {@code _transform_input}: x_c · std_c/0.5 + (mean_c − 0.5)/0.5. */
    private static NDArray transform(NDArray x) {
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        NDList ch = new NDList();
        for (int c = 0; c < 3; c++) {
            ch.add(x.get(new NDIndex(":, {}:{}", c, c + 1)).mul(std[c] / 0.5f).add((mean[c] - 0.5f) / 0.5f));
        }
        return NDArrays.concat(ch, 1);
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

    /** conv (no bias) + BN(ε 0.001) + ReLU. */
    static final class BasicConv2d extends TorchModule {
        private final Conv conv;
        private final BatchNorm2d bn;

        BasicConv2d(int in, int out, int kh, int kw, int stride, int padH, int padW) {
            conv = module("conv", new Conv(in, out, kh, kw, stride, padH, padW, false));
            bn = module("bn", new BatchNorm2d(out, 0.001f));
        }

        static BasicConv2d k1(int in, int out) {
            return new BasicConv2d(in, out, 1, 1, 1, 0, 0);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
                                         PairList<String, Object> params) {
            NDArray x = in.singletonOrThrow();
            return new NDList(Ops.relu(Ops.run(bn, ps, Ops.run(conv, ps, x, training), training)));
        }
    }

    /** Base of the mixed blocks: helpers to chain BasicConv2d and concatenate on channels. */
    abstract static class Mixed extends TorchModule {
        /** The convs in order; intermediates are closed as soon as consumed, x (the caller's) stays open. */
        static NDArray chain(ParameterStore ps, NDArray x, boolean training, Block... convs) {
            NDArray y = x;
            for (Block c : convs) {
                NDArray next = Ops.run(c, ps, y, training);
                y = y == x ? next : Ops.replace(y, next);
            }
            return y;
        }

        static NDList cat(NDArray... parts) {
            return new NDList(NDArrays.concat(new NDList(parts), 1));
        }
    }

    /** 35×35 block: 1×1, 5×5, double 3×3 and pool branches. */
    static final class InceptionA extends Mixed {
        private final Block b1;
        private final Block b5a;
        private final Block b5b;
        private final Block d1;
        private final Block d2;
        private final Block d3;
        private final Block pool;

        InceptionA(int in, int poolFeatures) {
            b1 = module("branch1x1", BasicConv2d.k1(in, 64));
            b5a = module("branch5x5_1", BasicConv2d.k1(in, 48));
            b5b = module("branch5x5_2", new BasicConv2d(48, 64, 5, 5, 1, 2, 2));
            d1 = module("branch3x3dbl_1", BasicConv2d.k1(in, 64));
            d2 = module("branch3x3dbl_2", new BasicConv2d(64, 96, 3, 3, 1, 1, 1));
            d3 = module("branch3x3dbl_3", new BasicConv2d(96, 96, 3, 3, 1, 1, 1));
            pool = module("branch_pool", BasicConv2d.k1(in, poolFeatures));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {
            NDArray x = in.singletonOrThrow();
            return cat(chain(ps, x, t, b1), chain(ps, x, t, b5a, b5b), chain(ps, x, t, d1, d2, d3),
                    chain(ps, Ops.avgPool(x, 3, 1, 1), t, pool));
        }
    }

    /** Grid reduction 35→17. */
    static final class InceptionB extends Mixed {
        private final Block b3;
        private final Block d1;
        private final Block d2;
        private final Block d3;

        InceptionB(int in) {
            b3 = module("branch3x3", new BasicConv2d(in, 384, 3, 3, 2, 0, 0));
            d1 = module("branch3x3dbl_1", BasicConv2d.k1(in, 64));
            d2 = module("branch3x3dbl_2", new BasicConv2d(64, 96, 3, 3, 1, 1, 1));
            d3 = module("branch3x3dbl_3", new BasicConv2d(96, 96, 3, 3, 2, 0, 0));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {
            NDArray x = in.singletonOrThrow();
            return cat(chain(ps, x, t, b3), chain(ps, x, t, d1, d2, d3), Ops.maxPool(x, 3, 2, 0));
        }
    }

    /** 17×17 block with factorised 7×7 convolutions. */
    static final class InceptionC extends Mixed {
        private final Block b1;
        private final Block[] b7;
        private final Block[] d7;
        private final Block pool;

        InceptionC(int in, int c7) {
            b1 = module("branch1x1", BasicConv2d.k1(in, 192));
            b7 = new Block[] {
                module("branch7x7_1", BasicConv2d.k1(in, c7)),
                module("branch7x7_2", new BasicConv2d(c7, c7, 1, 7, 1, 0, 3)),
                module("branch7x7_3", new BasicConv2d(c7, 192, 7, 1, 1, 3, 0)),
            };
            d7 = new Block[] {
                module("branch7x7dbl_1", BasicConv2d.k1(in, c7)),
                module("branch7x7dbl_2", new BasicConv2d(c7, c7, 7, 1, 1, 3, 0)),
                module("branch7x7dbl_3", new BasicConv2d(c7, c7, 1, 7, 1, 0, 3)),
                module("branch7x7dbl_4", new BasicConv2d(c7, c7, 7, 1, 1, 3, 0)),
                module("branch7x7dbl_5", new BasicConv2d(c7, 192, 1, 7, 1, 0, 3)),
            };
            pool = module("branch_pool", BasicConv2d.k1(in, 192));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {
            NDArray x = in.singletonOrThrow();
            return cat(chain(ps, x, t, b1), chain(ps, x, t, b7), chain(ps, x, t, d7),
                    chain(ps, Ops.avgPool(x, 3, 1, 1), t, pool));
        }
    }

    /** Grid reduction 17→8. */
    static final class InceptionD extends Mixed {
        private final Block[] b3;
        private final Block[] b7;

        InceptionD(int in) {
            b3 = new Block[] {
                module("branch3x3_1", BasicConv2d.k1(in, 192)),
                module("branch3x3_2", new BasicConv2d(192, 320, 3, 3, 2, 0, 0)),
            };
            b7 = new Block[] {
                module("branch7x7x3_1", BasicConv2d.k1(in, 192)),
                module("branch7x7x3_2", new BasicConv2d(192, 192, 1, 7, 1, 0, 3)),
                module("branch7x7x3_3", new BasicConv2d(192, 192, 7, 1, 1, 3, 0)),
                module("branch7x7x3_4", new BasicConv2d(192, 192, 3, 3, 2, 0, 0)),
            };
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {
            NDArray x = in.singletonOrThrow();
            return cat(chain(ps, x, t, b3), chain(ps, x, t, b7), Ops.maxPool(x, 3, 2, 0));
        }
    }

    /** 8×8 block with expanded (split 1×3 / 3×1) branches. */
    static final class InceptionE extends Mixed {
        private final Block b1;
        private final Block b3;
        private final Block b3a;
        private final Block b3b;
        private final Block d1;
        private final Block d2;
        private final Block d3a;
        private final Block d3b;
        private final Block pool;

        InceptionE(int in) {
            b1 = module("branch1x1", BasicConv2d.k1(in, 320));
            b3 = module("branch3x3_1", BasicConv2d.k1(in, 384));
            b3a = module("branch3x3_2a", new BasicConv2d(384, 384, 1, 3, 1, 0, 1));
            b3b = module("branch3x3_2b", new BasicConv2d(384, 384, 3, 1, 1, 1, 0));
            d1 = module("branch3x3dbl_1", BasicConv2d.k1(in, 448));
            d2 = module("branch3x3dbl_2", new BasicConv2d(448, 384, 3, 3, 1, 1, 1));
            d3a = module("branch3x3dbl_3a", new BasicConv2d(384, 384, 1, 3, 1, 0, 1));
            d3b = module("branch3x3dbl_3b", new BasicConv2d(384, 384, 3, 1, 1, 1, 0));
            pool = module("branch_pool", BasicConv2d.k1(in, 192));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean t, PairList<String, Object> p) {
            NDArray x = in.singletonOrThrow();
            NDArray s3 = chain(ps, x, t, b3);
            NDArray s3d = chain(ps, x, t, d1, d2);
            return cat(chain(ps, x, t, b1),
                    NDArrays.concat(new NDList(chain(ps, s3, t, b3a), chain(ps, s3, t, b3b)), 1),
                    NDArrays.concat(new NDList(chain(ps, s3d, t, d3a), chain(ps, s3d, t, d3b)), 1),
                    chain(ps, Ops.avgPool(x, 3, 1, 1), t, pool));
        }
    }
}
