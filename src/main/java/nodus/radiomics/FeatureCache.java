package nodus.radiomics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;

/**
 * A directory of feature tables keyed by (image hash, mask hash, settings hash): one text file per key,
 * {@code <image>_<mask>_<settings>.tsv}, holding {@code #settingsHash}, {@code #nodusVersion} header lines and
 * {@code name<TAB>value} rows (values in Java's shortest round-trip decimal form, so they read back bit-exactly).
 * Files are written to a temporary name and moved into place, so parallel workers never read half a file.
 */
final class FeatureCache {

    private final Path dir;

    FeatureCache(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create radiomics cache directory " + dir, e);
        }
    }

    private Path file(String imageHash, String maskHash, String settingsHash) {
        return dir.resolve(imageHash + "_" + maskHash + "_" + settingsHash + ".tsv");
    }

    Optional<Map<String, Double>> get(String imageHash, String maskHash, String settingsHash, String version) {
        Path f = file(imageHash, maskHash, settingsHash);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            Map<String, Double> out = new LinkedHashMap<>();
            boolean versionOk = false;
            for (String line : lines) {
                if (line.startsWith("#nodusVersion\t")) {
                    versionOk = line.substring(line.indexOf('\t') + 1).equals(version);
                } else if (!line.startsWith("#") && !line.isEmpty()) {
                    int t = line.indexOf('\t');
                    out.put(line.substring(0, t), Double.valueOf(line.substring(t + 1)));
                }
            }
            // a table from another Nodus version may hold values of older code: recompute
            return versionOk ? Optional.of(out) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable entry: recompute and overwrite
        }
    }

    void put(String imageHash, String maskHash, String settingsHash, String version, Map<String, Double> features) {
        Path f = file(imageHash, maskHash, settingsHash);
        try {
            Path tmp = Files.createTempFile(dir, "tmp-", ".tsv");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("#settingsHash\t" + settingsHash + "\n");
                w.write("#nodusVersion\t" + version + "\n");
                for (Map.Entry<String, Double> e : features.entrySet()) {
                    w.write(e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write radiomics cache entry " + f, e);
        }
    }

    static String hash(GrayImage image) {
        MessageDigest md = sha256();
        ByteBuffer head = ByteBuffer.allocate(24);
        head.putInt(image.width()).putInt(image.height()).putDouble(image.spacingX()).putDouble(image.spacingY());
        md.update(head.array());
        double[] px = image.pixels();
        ByteBuffer buf = ByteBuffer.allocate(px.length * 8);
        for (double v : px) {
            buf.putLong(Double.doubleToLongBits(v));
        }
        md.update(buf.array());
        return HexFormat.of().formatHex(md.digest());
    }

    static String hash(Mask mask) {
        MessageDigest md = sha256();
        md.update(ByteBuffer.allocate(8).putInt(mask.width()).putInt(mask.height()).array());
        boolean[] in = mask.inside();
        byte[] b = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            b[i] = (byte) (in[i] ? 1 : 0);
        }
        md.update(b);
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
