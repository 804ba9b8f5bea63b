package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a network's convolution weights in channels-last memory order — PyTorch's
 * {@code model.to(memory_format=torch.channels_last)}: same shapes [out, in, kh, kw], same values, strides
 * [in·kh·kw, 1, kw·in, in]. libtorch's oneDNN convolution then runs every layer in NHWC: the first convolution
 * converts the image once and every activation, gradient and batch-norm after it stays channels-last, instead of
 * each convolution reordering its input, weight and output between NCHW and oneDNN's layout (forward and
 * backward). Measured on this machine (ResNet50 224², batch 8, training; docs/benchmarks/backbones.md):
 * PyTorch 2.7.1 eager 2.40–2.43 s per step channels-last vs 2.60–2.89 s contiguous; Nodus 2.56–2.89 s vs
 * 2.69–3.08 s (four interleaved pairs, faster by 3.5–8.4 %).
 *
 * <p>Numbers: the same mathematics with another summation order inside oneDNN's kernels, so results agree with
 * the contiguous network to float rounding (tested), not bit for bit; both libtorch and PyTorch diverge the same
 * way over SGD steps. Deterministic for a fixed thread count like the contiguous path, so resumed runs still end
 * bit-identical to uninterrupted ones.
 *
 * <p>DJL 0.36 has no memory-format API and {@link Parameter#setArray} refuses an initialised parameter, so the
 * converted array replaces the parameter's own by reflection (DJL is pinned; if its field is renamed the network
 * simply stays contiguous, with a log line). Saving is unaffected: DJL serialises arrays in logical order.
 *
 * <p><b>Which networks.</b> {@code -Dnodus.channels-last} is {@code true} (all), {@code false} (none) or a
 * comma-separated list of torchvision names; the default is {@value #DEFAULT}, the architectures measured faster
 * (session 5, docs/benchmarks/backbones.md): with huge-page tensors ({@code NativeAllocator}) ResNet50 training ran
 * at 1.04× PyTorch eager with it and 0.98× without over three interleaved rounds, ResNet101 at 1.66 / 1.78 against
 * 1.64 / 1.62 img/s (two interleaved pairs; ≈ 270 MiB more peak), whereas VGG19 training was 30 % slower with it
 * (0.57–0.61 against 0.85 img/s); Wide-ResNet50-2 and Inception-v3 were not measured pair by pair and stay
 * contiguous. Only training converts: for feature extraction it brought no speed and raised the peak memory
 * (Wide-ResNet50-2 1,423 against 785 MiB, the converted copies beside the freed originals in malloc's heap).
 */
public final class ChannelsLast {

    /** The system property choosing the converted architectures (see the class comment). */
    public static final String PROPERTY = "nodus.channels-last";
    /** Torchvision names converted when the property is unset. */
    public static final String DEFAULT = "resnet50,resnet101";

    private static final Logger LOG = LoggerFactory.getLogger(ChannelsLast.class);
    private static final Field ARRAY = arrayField();

    private ChannelsLast() {
    }

    /** Whether this architecture's training converts (the property, default {@value #DEFAULT}) and DJL allows it. */
    public static boolean enabled(Architecture a) {
        if (ARRAY == null) {
            return false;
        }
        String v = System.getProperty(PROPERTY, DEFAULT).trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true" -> true;
            case "false", "" -> false;
            default -> Arrays.stream(v.split(",")).map(String::trim).anyMatch(a.torchvisionName()::equals);
        };
    }

    /**
     * Converts every initialised 4-D parameter of {@code net} in place (the old arrays are closed; gradients
     * flags are kept). Call before anything holds the old arrays: gradients, optimiser state, a training step.
     *
     * @return the number of parameters converted (0 when {@link #enabled} is false for its architecture)
     */
    public static int convert(Backbone net) {
        return enabled(net.architecture()) ? convertAlways(net) : 0;
    }

    /** {@link #convert} regardless of the switch (tests). */
    static int convertAlways(Backbone net) {
        if (ARRAY == null) {
            throw new IllegalStateException("this DJL's Parameter has no field 'array'");
        }
        int converted = 0;
        for (Parameter p : net.torchParameters(true).values()) {
            NDArray w = p.isInitialized() ? p.getArray() : null;
            if (w == null || w.getShape().dimension() != 4) {
                continue;
            }
            Shape s = w.getShape();
            boolean grad = w.hasGradient();
            // [o, i, kh, kw] → a copy in (o, kh, kw, i) order → viewed back as [o, i, kh, kw] → a dense clone
            // that keeps those strides (clone preserves the layout of a dense tensor)
            NDArray ohwi = w.transpose(0, 2, 3, 1).reshape(-1);
            NDArray view = ohwi.reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
            NDArray cl = view.duplicate();
            cl.attach(w.getManager());
            view.close();
            ohwi.close();
            cl.setName(w.getName());
            if (grad) {
                cl.setRequiresGradient(true);
            }
            try {
                ARRAY.set(p, cl);
            } catch (IllegalAccessException e) {
                cl.close();
                throw new IllegalStateException("cannot replace the array of parameter " + p.getName(), e);
            }
            w.close();
            converted++;
        }
        return converted;
    }

    private static Field arrayField() {
        try {
            Field f = Parameter.class.getDeclaredField("array");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("channels-last weights unavailable with this DJL ({}); convolutions stay contiguous",
                    e.toString());
            return null;
        }
    }
}
