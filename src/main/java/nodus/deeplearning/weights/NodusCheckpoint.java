package nodus.deeplearning.weights;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.backbone.Backbones;

/**
 * The Nodus checkpoint: DJL's own parameter file ({@code Block.saveParameters}) plus a small JSON manifest with
 * the architecture, head size, every parameter's PyTorch name and shape, the parameter file's SHA-256, and the
 * provenance of the weights the network started from. Loading verifies the hash and the names and shapes before
 * touching the network.
 *
 * <p>Files: {@code <dir>/<name>.params} and {@code <dir>/<name>.json}.
 */
public final class NodusCheckpoint {

    /** Manifest format tag; bump when the layout changes. */
    public static final String FORMAT = "nodus-checkpoint/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A loaded checkpoint: the initialised network and where its weights came from. */
    public record Loaded(Backbone backbone, WeightsProvenance provenance, WeightsProvenance origin) {
    }

    private NodusCheckpoint() {
    }

    /** Java-heap copies DJL makes of one tensor while saving it (its byte[], the serialiser's growing buffer). */
    static final int SAVE_COPIES = 4;

    /**
     * Refuses, with a clear message, to save when the JVM's maximum heap cannot hold the copies DJL makes of the
     * largest parameter. WHY: {@code Parameter.save} copies a whole tensor into one Java byte[] through JNI code
     * that does not check the allocation; when it fails the JVM dies with SIGSEGV (seen with VGG19, whose
     * classifier.0.weight is 411 MB, in a worker started with -Xmx1g) — every run on that worker is lost, where a
     * failed run names its cause.
     */
    static void requireHeapFor(Backbone b) {
        String largest = null;
        long bytes = 0;
        for (Map.Entry<String, Parameter> e : b.torchParameters(true).entrySet()) {
            ai.djl.ndarray.NDArray a = e.getValue().getArray();
            long n = a.getShape().size() * a.getDataType().getNumOfBytes();
            if (n > bytes) {
                bytes = n;
                largest = e.getKey();
            }
        }
        requireHeap(b.architecture().torchvisionName(), largest, bytes, Runtime.getRuntime().maxMemory());
    }

    /** The rule of {@link #requireHeapFor}: a heap of {@code max} bytes must hold SAVE_COPIES × the largest tensor. */
    static void requireHeap(String architecture, String largest, long bytes, long max) {
        long need = SAVE_COPIES * bytes;
        if (max < need) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "cannot write a %s checkpoint with a %d MiB Java heap: %s (%d MiB) needs about %d MiB while it is"
                            + " saved; start this JVM with -Xmx%dm or more", architecture,
                    max >> 20, largest, bytes >> 20, need >> 20, (need >> 20) + 512));
        }
    }

    /**
     * Saves an initialised backbone.
     *
     * @param origin provenance of the weights the network was initialised from (kept in the manifest)
     * @return the manifest path
     */
    public static Path save(Backbone b, boolean inceptionTransformInput, Path dir, String name,
                            WeightsProvenance origin) throws IOException {
        requireHeapFor(b);
        Files.createDirectories(dir);
        Path params = dir.resolve(name + ".params");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(params)))) {
            b.saveParameters(out);
        }
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("architecture", b.architecture().torchvisionName());
        m.put("classes", b.numClasses());
        m.put("inceptionTransformInput", inceptionTransformInput);
        m.put("paramsFile", params.getFileName().toString());
        m.put("sha256", Sha256.of(params));
        m.put("savedAt", Instant.now().toString());
        ObjectNode o = m.putObject("origin");
        o.put("format", origin.format());
        o.put("source", origin.source());
        o.put("sha256", origin.sha256());
        o.put("bytes", origin.bytes());
        o.put("readAt", origin.readAt().toString());
        ArrayNode list = m.putArray("parameters");
        for (Map.Entry<String, Parameter> e : b.torchParameters(true).entrySet()) {
            ArrayNode entry = list.addArray();
            entry.add(e.getKey());
            ArrayNode shape = entry.addArray();
            for (long d : e.getValue().getShape().getShape()) {
                shape.add(d);
            }
        }
        Path manifest = dir.resolve(name + ".json");
        JSON.writeValue(manifest.toFile(), m);
        return manifest;
    }

    /** Loads a checkpoint saved by {@link #save}, with its arrays in {@code manager}. */
    public static Loaded load(Path manifest, NDManager manager) throws IOException {
        JsonNode m;
        try {
            m = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw new WeightsException(manifest + ": not a Nodus checkpoint manifest (" + e.getMessage() + ")", e);
        }
        if (m == null || !FORMAT.equals(m.path("format").asText())) {
            throw new WeightsException(manifest + ": format is '" + (m == null ? "" : m.path("format").asText())
                    + "', expected " + FORMAT);
        }
        Path params = manifest.resolveSibling(m.path("paramsFile").asText());
        if (!Files.isRegularFile(params)) {
            throw new WeightsException(manifest + ": parameter file " + params + " is missing");
        }
        String sha = Sha256.of(params);
        if (!sha.equals(m.path("sha256").asText())) {
            throw new WeightsException(params + ": SHA-256 " + sha + " differs from the manifest's "
                    + m.path("sha256").asText() + " (file changed or damaged)");
        }
        Backbone b = Backbones.create(Architecture.parse(m.path("architecture").asText()),
                m.path("classes").asInt(), 0, m.path("inceptionTransformInput").asBoolean());
        Map<String, Parameter> params0 = b.torchParameters(true);
        JsonNode listed = m.path("parameters");
        int i = 0;
        for (Map.Entry<String, Parameter> e : params0.entrySet()) {
            JsonNode entry = listed.path(i++);
            if (!e.getKey().equals(entry.path(0).asText())
                    || !e.getValue().getShape().toString().equals(shapeOf(entry.path(1)).toString())) {
                throw new WeightsException(manifest + ": parameter " + (i - 1) + " is " + entry
                        + " in the manifest but " + e.getKey() + " " + e.getValue().getShape() + " in the network");
            }
        }
        if (listed.size() != params0.size()) {
            throw new WeightsException(manifest + ": lists " + listed.size() + " parameters, the network has "
                    + params0.size());
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
            b.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new WeightsException(params + ": " + e.getMessage(), e);
        }
        // Attach gradients to the loaded arrays (initialize keeps arrays that are already set).
        Backbones.initialize(b, manager);
        JsonNode o = m.path("origin");
        WeightsProvenance origin = new WeightsProvenance(o.path("format").asText(), o.path("source").asText(),
                o.path("sha256").asText(), o.path("bytes").asLong(), Instant.parse(o.path("readAt").asText()));
        WeightsProvenance self = new WeightsProvenance("nodus-checkpoint", manifest.toString(), sha,
                Files.size(params), Instant.now());
        return new Loaded(b, self, origin);
    }

    private static ai.djl.ndarray.types.Shape shapeOf(JsonNode a) {
        long[] s = new long[a.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = a.get(i).asLong();
        }
        return new ai.djl.ndarray.types.Shape(s);
    }
}
