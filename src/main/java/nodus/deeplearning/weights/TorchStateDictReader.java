package nodus.deeplearning.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a {@code torch.save(state_dict)} file in Java, so torchvision's published weights need no Python.
 *
 * <p>Format (PyTorch ≥ 1.6, the default zip serialization): a zip whose single top folder (any name:
 * {@code archive/}, {@code resnet50-0676ba61/}) holds {@code data.pkl} — a pickle of an {@code OrderedDict} of
 * tensors, each {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks)} with
 * the storage a persistent id {@code ('storage', torch.FloatStorage, key, location, numel)} — and the raw
 * storages as {@code data/<key>}, in the byte order named by {@code byteorder} (little-endian when absent, as
 * written before that record existed). Supported storages: Float, Half, BFloat16, Double (read as float32) and
 * Long (int64).
 *
 * <p>Also the legacy (pre-1.6) layout in which torchvision's older files (e.g. VGG19's) were published: five
 * pickles back to back — magic number 0x1950a86a20f9469cfc6c, protocol version 1001, system info (byte order),
 * the state dict with persistent ids {@code ('storage', type, key, location, numel, view)}, the list of storage
 * keys — then each storage as an int64 element count followed by its raw bytes (torch/serialization.py,
 * {@code _legacy_save}).
 */
public final class TorchStateDictReader {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private TorchStateDictReader() {
    }

    /** Reads every tensor of the state dict at {@code file}; refuses anything else with a one-line reason. */
    public static StateDict read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new WeightsException(file + ": no such file");
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            boolean zip = n == 4 && java.util.Arrays.equals(head, ZIP_MAGIC);
            boolean legacy = n >= 2 && (head[0] & 0xff) == 0x80 && head[1] == 2;
            if (!zip && !legacy) {
                throw new WeightsException(file + ": not a PyTorch checkpoint (expected a torch.save(state_dict) "
                        + ".pth file: a zip archive or the legacy pickle format)");
            }
            if (legacy) {
                return LegacyFormat.read(file, new WeightsProvenance("torch-state-dict", file.toString(),
                        Sha256.of(file), Files.size(file), Instant.now()));
            }
        }
        String sha = Sha256.of(file);
        WeightsProvenance provenance = new WeightsProvenance("torch-state-dict", file.toString(), sha,
                Files.size(file), Instant.now());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = findPrefix(zip, file);
            ByteOrder order = byteOrder(zip, prefix, file);
            Map<String, TorchTensor> tensors = parse(zip, prefix, order, file);
            return new StateDict(tensors, provenance);
        } catch (ZipException e) {
            throw new WeightsException(file + ": damaged or truncated zip archive (" + e.getMessage()
                    + "); download the file again", e);
        }
    }

    private static String findPrefix(ZipFile zip, Path file) throws WeightsException {
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String name = en.nextElement().getName();
            if (name.endsWith("data.pkl") && name.indexOf('/') == name.length() - "data.pkl".length() - 1) {
                return name.substring(0, name.length() - "data.pkl".length());
            }
        }
        throw new WeightsException(file + ": zip archive without <folder>/data.pkl — not a PyTorch checkpoint");
    }

    private static ByteOrder byteOrder(ZipFile zip, String prefix, Path file) throws IOException {
        ZipEntry e = zip.getEntry(prefix + "byteorder");
        if (e == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String s = new String(read(zip, e, file), java.nio.charset.StandardCharsets.US_ASCII).trim();
        return switch (s) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new WeightsException(file + ": unknown byteorder '" + s + "'");
        };
    }

    /** A storage reference from a persistent id, resolved lazily when a tensor uses it. */
    record StorageRef(String dtype, int elementSize, String key, long baseOffset) {
    }

    /** A tensor before its storage bytes are read. */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
    }

    /** Storage bytes by key, in the file's byte order. */
    interface Storages {
        ByteBuffer get(String key) throws IOException;
    }

    private static Map<String, TorchTensor> parse(ZipFile zip, String prefix, ByteOrder order, Path file)
            throws IOException {
        ZipEntry pkl = zip.getEntry(prefix + "data.pkl");
        Pickle pickle = new Pickle(read(zip, pkl, file), TorchStateDictReader::storage,
                TorchStateDictReader::reduce);
        Map<String, ByteBuffer> cache = new LinkedHashMap<>();
        return tensors(pickle, file, key -> {
            ByteBuffer data = cache.get(key);
            if (data == null) {
                ZipEntry se = zip.getEntry(prefix + "data/" + key);
                if (se == null) {
                    throw new WeightsException(file + ": storage data/" + key + " is missing (truncated archive?)");
                }
                data = ByteBuffer.wrap(read(zip, se, file)).order(order);
                cache.put(key, data);
            }
            return data;
        });
    }

    /** Runs the state-dict pickle and materialises every tensor from {@code storages}. */
    static Map<String, TorchTensor> tensors(Pickle pickle, Path file, Storages storages) throws IOException {
        return materialiseAll(loadRoot(pickle, file), file, storages);
    }

    /** Runs a pickle, turning every failure into a one-line {@link WeightsException} naming the file. */
    static Object loadRoot(Pickle pickle, Path file) throws WeightsException {
        try {
            return pickle.load();
        } catch (UnsupportedGlobal e) {
            throw new WeightsException(file + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new WeightsException(file + ": malformed pickle (" + e.getMessage() + ")", e);
        }
    }

    static Map<String, TorchTensor> materialiseAll(Object root, Path file, Storages storages) throws IOException {
        if (!(root instanceof Map<?, ?> map)) {
            throw new WeightsException(file + ": the pickle holds a " + describe(root) + ", not a state dict");
        }
        Map<String, TorchTensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorRef ref)) {
                throw new WeightsException(file + ": entry " + e.getKey() + " is a " + describe(e.getValue())
                        + ", not a tensor (a state dict maps names to tensors)");
            }
            out.put(name, materialise(name, ref, storages.get(ref.storage().key()), file));
        }
        return out;
    }

    /** Storage type from torch's class name, e.g. {@code FloatStorage}. */
    static StorageRef storageRef(Pickle.Global g, String key, long baseOffset) {
        return switch (g.name()) {
            case "FloatStorage" -> new StorageRef("float32", 4, key, baseOffset);
            case "HalfStorage" -> new StorageRef("float16", 2, key, baseOffset);
            case "BFloat16Storage" -> new StorageRef("bfloat16", 2, key, baseOffset);
            case "DoubleStorage" -> new StorageRef("float64", 8, key, baseOffset);
            case "LongStorage" -> new StorageRef("int64", 8, key, baseOffset);
            default -> throw new UnsupportedGlobal("unsupported tensor storage " + g
                    + " (supported: float32, float16, bfloat16, float64, int64)");
        };
    }

    private static Object storage(Object pid) {
        if (pid instanceof List<?> t && t.size() >= 5 && "storage".equals(t.get(0))
                && t.get(1) instanceof Pickle.Global g && t.get(2) instanceof String key) {
            return storageRef(g, key, 0);
        }
        throw new UnsupportedGlobal("unexpected persistent id " + pid + " (not a PyTorch tensor storage)");
    }

    static Object reduce(Pickle.Global g, List<Object> args) {
        switch (g.toString()) {
            case "collections.OrderedDict":
                return new LinkedHashMap<>();
            case "torch._utils._rebuild_tensor_v2":
                if (args.size() < 4 || !(args.get(0) instanceof StorageRef s)) {
                    throw new UnsupportedGlobal("malformed _rebuild_tensor_v2 call");
                }
                return new TensorRef(s, (Long) args.get(1), longs(args.get(2)), longs(args.get(3)));
            case "torch._utils._rebuild_parameter":
                // nn.Parameter(data, requires_grad, hooks): the data is what a state dict needs.
                return args.get(0);
            default:
                throw new UnsupportedGlobal("the pickle needs " + g + ", which a state dict does not use "
                        + "(saved a whole model? save model.state_dict() or use TorchScript)");
        }
    }

    private static long[] longs(Object tuple) {
        List<?> l = (List<?>) tuple;
        long[] a = new long[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (Long) l.get(i);
        }
        return a;
    }

    /** Gathers a (possibly strided) view of a storage into a row-major array. */
    private static TorchTensor materialise(String name, TensorRef ref, ByteBuffer data, Path file)
            throws WeightsException {
        long n = 1;
        for (long d : ref.size()) {
            n *= d;
        }
        int es = ref.storage().elementSize();
        long available = data.capacity() / es;
        long base = ref.storage().baseOffset();
        long maxIndex = base + ref.offset();
        for (int i = 0; i < ref.size().length; i++) {
            maxIndex += (ref.size()[i] - 1) * ref.stride()[i];
        }
        if (n > 0 && (maxIndex >= available || ref.offset() < 0 || base < 0)) {
            throw new WeightsException(file + ": tensor " + name + " reaches element " + maxIndex
                    + " of a storage with " + available + " (truncated or corrupt data)");
        }
        int count = Math.toIntExact(n);
        int dims = ref.size().length;
        long[] idx = new long[dims];
        boolean isLong = ref.storage().dtype().equals("int64");
        float[] f = isLong ? null : new float[count];
        long[] l = isLong ? new long[count] : null;
        for (int k = 0; k < count; k++) {
            long pos = base + ref.offset();
            for (int d = 0; d < dims; d++) {
                pos += idx[d] * ref.stride()[d];
            }
            int byteAt = Math.toIntExact(pos * es);
            switch (ref.storage().dtype()) {
                case "float32" -> f[k] = data.getFloat(byteAt);
                case "float64" -> f[k] = (float) data.getDouble(byteAt);
                case "float16" -> f[k] = halfToFloat(data.getShort(byteAt));
                case "bfloat16" -> f[k] = Float.intBitsToFloat((data.getShort(byteAt) & 0xffff) << 16);
                default -> l[k] = data.getLong(byteAt);
            }
            for (int d = dims - 1; d >= 0; d--) {
                if (++idx[d] < ref.size()[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return new TorchTensor(ref.storage().dtype(), ref.size(), f, l);
    }

    /** IEEE 754 binary16 → binary32 (Float.float16ToFloat arrives only in Java 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // Subnormal half: value = mant · 2^-24.
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static byte[] read(ZipFile zip, ZipEntry e, Path file) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        } catch (ZipException | java.io.EOFException ex) {
            throw new WeightsException(file + ": cannot read " + e.getName() + " (" + ex.getMessage()
                    + "; truncated download?)", ex);
        }
    }

    private static String describe(Object o) {
        return o == null ? "null" : o instanceof Pickle.Global g ? "global " + g : o.getClass().getSimpleName();
    }

    /** Thrown from inside the pickle machine for a global or storage the reader will not resolve. */
    static final class UnsupportedGlobal extends RuntimeException {
        UnsupportedGlobal(String message) {
            super(message);
        }
    }
}
