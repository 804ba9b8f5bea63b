package nodus.deeplearning.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.backbone.TorchModule;

/**
 * Copies a state dict onto a network by PyTorch name, all or nothing: any missing, unexpected, mis-shaped or
 * wrongly typed entry refuses the whole file with a message that names them (as PyTorch's
 * {@code load_state_dict(strict=True)} does). {@code num_batches_tracked} buffers are accepted and not kept (a
 * fixed-momentum BatchNorm never reads them).
 */
public final class StateDictLoader {

    /** Entries a loader skips on both sides. */
    public record Options(Set<String> skippedPrefixes) {
        public Options {
            skippedPrefixes = Set.copyOf(skippedPrefixes);
        }

        /** Strict: every entry must match. */
        public static Options strict() {
            return new Options(Set.of());
        }

        /**
         * For torchvision's ImageNet files: Inception-v3's file carries the auxiliary head ({@code AuxLogits.*})
         * that Nodus leaves out; with {@code replaceHead} the 1000-class head is skipped too, so the network's
         * 2- or 3-class head keeps its seeded values.
         */
        public static Options torchvision(Backbone b, boolean replaceHead) {
            List<String> skip = new ArrayList<>();
            if (b.architecture() == Architecture.INCEPTION_V3) {
                skip.add("AuxLogits.");
            }
            if (replaceHead) {
                skip.add(b.headName() + ".");
            }
            return new Options(Set.copyOf(skip));
        }
    }

    /** What was loaded, and which file entries were deliberately skipped. */
    public record Report(WeightsProvenance provenance, int loaded, List<String> skipped) {
        public Report {
            skipped = List.copyOf(skipped);
        }
    }

    private StateDictLoader() {
    }

    /**
     * Loads {@code sd} into the initialised {@code net}.
     *
     * @throws WeightsException if names, shapes or dtypes do not match (nothing is changed then)
     */
    public static Report load(TorchModule net, StateDict sd, Options options) throws WeightsException {
        Map<String, Parameter> expected = net.torchParameters(true);
        expected.keySet().removeIf(n -> skipped(n, options));
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, TorchTensor> e : sd.tensors().entrySet()) {
            String name = e.getKey();
            TorchTensor t = e.getValue();
            if (skipped(name, options)) {
                skipped.add(name);
                continue;
            }
            Parameter p = expected.get(name);
            if (p == null) {
                if (name.endsWith(".num_batches_tracked") && t.numel() == 1 && !t.isFloating()
                        && expected.containsKey(name.replace(".num_batches_tracked", ".running_mean"))) {
                    continue;
                }
                unexpected.add(name);
                continue;
            }
            long[] want = p.getShape().getShape();
            if (!Arrays.equals(want, t.shape()) || !t.isFloating()) {
                misShaped.add(name + " (file " + t + ", network " + Arrays.toString(want) + ")");
            }
        }
        for (String name : expected.keySet()) {
            if (!sd.tensors().containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !misShaped.isEmpty()) {
            StringBuilder m = new StringBuilder(sd.provenance().source()).append(" does not fit the network:");
            append(m, "missing", missing);
            append(m, "unexpected", unexpected);
            append(m, "mis-shaped", misShaped);
            throw new WeightsException(m.toString());
        }
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            NDArray array = e.getValue().getArray();
            if (array == null) {
                throw new IllegalStateException("initialise the network before loading weights (" + e.getKey()
                        + " has no array)");
            }
            // In-place copy keeps the parameter's identity (optimizers, gradients) intact.
            array.set(FloatBuffer.wrap(sd.get(e.getKey()).floats()));
        }
        return new Report(sd.provenance(), expected.size(), skipped);
    }

    private static boolean skipped(String name, Options o) {
        for (String p : o.skippedPrefixes()) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder m, String what, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        m.append(' ').append(names.size()).append(' ').append(what).append(" (");
        m.append(String.join(", ", names.subList(0, Math.min(5, names.size()))));
        m.append(names.size() > 5 ? ", …);" : ");");
    }
}
