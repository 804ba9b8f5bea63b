package nodus.deeplearning.weights;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy (pre-1.6) {@code torch.save} layout, read from a memory-mapped file (see
 * {@link TorchStateDictReader}'s class comment for the layout).
 */
final class LegacyFormat {

    /** torch/serialization.py MAGIC_NUMBER. */
    static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    /** torch/serialization.py PROTOCOL_VERSION. */
    static final long PROTOCOL = 1001;

    private LegacyFormat() {
    }

    static StateDict read(Path file, WeightsProvenance provenance) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new WeightsException(file + ": legacy-format files over 2 GiB are not supported");
            }
            ByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            Object magic = plain(buf, file);
            if (!MAGIC.equals(magic)) {
                throw new WeightsException(file + ": pickle file without PyTorch's magic number — not a "
                        + "torch.save file");
            }
            Object protocol = plain(buf, file);
            if (!Long.valueOf(PROTOCOL).equals(protocol)) {
                throw new WeightsException(file + ": unsupported legacy protocol version " + protocol);
            }
            Object sysInfo = plain(buf, file);
            ByteOrder order = sysInfo instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("little_endian"))
                    ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;

            Map<String, TorchStateDictReader.StorageRef> roots = new HashMap<>();
            Pickle main = new Pickle(buf, pid -> storage(pid, roots), TorchStateDictReader::reduce);
            Object root = TorchStateDictReader.loadRoot(main, file);
            Object keys = plain(buf, file);
            if (!(keys instanceof List<?> keyList)) {
                throw new WeightsException(file + ": storage key list missing (truncated file?)");
            }
            Map<String, ByteBuffer> data = new HashMap<>();
            long pos = buf.position();
            for (Object k : keyList) {
                TorchStateDictReader.StorageRef ref = roots.get(String.valueOf(k));
                if (ref == null) {
                    throw new WeightsException(file + ": storage " + k + " is listed but never used");
                }
                if (pos + 8 > ch.size()) {
                    throw new WeightsException(file + ": storage " + k + " is cut off (truncated file?)");
                }
                long numel = buf.duplicate().order(order).getLong((int) pos);
                long bytes = numel * ref.elementSize();
                if (numel < 0 || pos + 8 + bytes > ch.size()) {
                    throw new WeightsException(file + ": storage " + k + " needs " + bytes + " bytes beyond byte "
                            + (pos + 8) + " of " + ch.size() + " (truncated file?)");
                }
                data.put(ref.key(), buf.duplicate().position((int) (pos + 8)).limit((int) (pos + 8 + bytes))
                        .slice().order(order));
                pos += 8 + bytes;
            }
            return new StateDict(TorchStateDictReader.materialiseAll(root, file, key -> {
                ByteBuffer b = data.get(key);
                if (b == null) {
                    throw new WeightsException(file + ": storage " + key + " has no data (truncated file?)");
                }
                return b;
            }), provenance);
        }
    }

    /** One of the small header pickles: no globals, no persistent ids. */
    private static Object plain(ByteBuffer buf, Path file) throws WeightsException {
        Pickle p = new Pickle(buf, pid -> {
            throw new TorchStateDictReader.UnsupportedGlobal("unexpected persistent id in a header pickle");
        }, (g, a) -> {
            throw new TorchStateDictReader.UnsupportedGlobal("unexpected global " + g + " in a header pickle");
        });
        return TorchStateDictReader.loadRoot(p, file);
    }

    /** ('storage', type, root_key, location, numel, view_metadata); a view is (view_key, offset, size). */
    private static Object storage(Object pid, Map<String, TorchStateDictReader.StorageRef> roots) {
        if (pid instanceof List<?> t && t.size() == 6 && "storage".equals(t.get(0))
                && t.get(1) instanceof Pickle.Global g && t.get(2) instanceof String key) {
            TorchStateDictReader.StorageRef root = roots.computeIfAbsent(key,
                    k -> TorchStateDictReader.storageRef(g, k, 0));
            if (t.get(5) instanceof List<?> view && view.size() == 3 && view.get(1) instanceof Long offset) {
                return TorchStateDictReader.storageRef(g, key, offset);
            }
            return root;
        }
        throw new TorchStateDictReader.UnsupportedGlobal("unexpected persistent id " + pid
                + " (not a legacy PyTorch tensor storage)");
    }
}
