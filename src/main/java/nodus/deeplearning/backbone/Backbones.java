package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Map;

/** Builds the five backbones with torchvision's structure, names and shapes. */
public final class Backbones {

    private Backbones() {
    }

    /**
     * A new, uninitialised backbone whose parameters will be drawn from {@code seed} (see
     * {@link SeededInitializer}) unless weights are loaded over them.
     *
     * @param classes output classes of the head (1000 to load torchvision's ImageNet weights whole; 2 or 3 for
     *                the study's tasks)
     */
    public static Backbone create(Architecture arch, int classes, long seed) {
        return create(arch, classes, seed, false);
    }

    /**
     * As {@link #create(Architecture, int, long)}; {@code inceptionTransformInput} switches on torchvision's
     * input re-scaling for Inception-v3, which its ImageNet weights need (torchvision sets it when it loads them).
     */
    public static Backbone create(Architecture arch, int classes, long seed, boolean inceptionTransformInput) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be ≥ 1, got " + classes);
        }
        Backbone b = switch (arch) {
            case RESNET50 -> new ResNet(arch, new int[] {3, 4, 6, 3}, 64, classes);
            case RESNET101 -> new ResNet(arch, new int[] {3, 4, 23, 3}, 64, classes);
            case WIDE_RESNET50_2 -> new ResNet(arch, new int[] {3, 4, 6, 3}, 128, classes);
            case VGG19 -> new Vgg(classes);
            case INCEPTION_V3 -> new InceptionV3(classes, inceptionTransformInput);
        };
        seedParameters(b, "", seed);
        return b;
    }

    /** Allocates every parameter array in {@code manager} (float32) with its initializer's values. */
    public static void initialize(Backbone b, NDManager manager) {
        int s = b.architecture().inputSize();
        b.initialize(manager, DataType.FLOAT32, new Shape(1, 3, s, s));
    }

    /** Allocates the head's arrays after {@link Backbone#replaceHead} on an initialised backbone. */
    public static void initializeHead(Backbone b, NDManager manager) {
        b.headBlock().initialize(manager, DataType.FLOAT32, new Shape(1, b.architecture().featureDim()));
    }

    /** Attaches seeded initializers by kind; batch-norm parameters keep their constant 1/0 initializers. */
    static void seedParameters(Block block, String prefix, long seed) {
        Map<String, Parameter> params = block instanceof TorchModule m ? m.torchParameters(true)
                : directParameters(block);
        Long linearFanIn = null;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Parameter p = e.getValue();
            String name = prefix + e.getKey();
            Shape shape = p.getShape();
            if (p.getType() == Parameter.Type.WEIGHT && shape.dimension() == 4) {
                p.setInitializer(new SeededInitializer(SeededInitializer.Kind.CONV_WEIGHT, seed, name, 0));
                linearFanIn = null;
            } else if (p.getType() == Parameter.Type.WEIGHT && shape.dimension() == 2) {
                linearFanIn = shape.get(1);
                p.setInitializer(new SeededInitializer(SeededInitializer.Kind.LINEAR, seed, name, linearFanIn));
            } else if (p.getType() == Parameter.Type.BIAS) {
                // A bias follows its weight in registration order; linear biases share the weight's fan_in.
                p.setInitializer(linearFanIn != null
                        ? new SeededInitializer(SeededInitializer.Kind.LINEAR, seed, name, linearFanIn)
                        : new SeededInitializer(SeededInitializer.Kind.ZERO, seed, name, 0));
            }
        }
    }

    private static Map<String, Parameter> directParameters(Block block) {
        Map<String, Parameter> m = new java.util.LinkedHashMap<>();
        block.getDirectParameters().forEach(p -> m.put(p.getKey(), p.getValue()));
        return m;
    }
}
