package nodus.deeplearning.weights;

import java.time.Instant;
import java.util.Locale;

/**
 * Where a model's weights came from, recorded wherever they are used (run provenance, checkpoints, exports).
 *
 * @param format   how they were read: {@code torch-state-dict}, {@code torchscript}, {@code nodus-checkpoint},
 *                 {@code seeded-init}
 * @param source   what the user named: a file path or URL (torchvision's download URL when known)
 * @param sha256   lower-case hex SHA-256 of the file's bytes (empty for {@code seeded-init})
 * @param bytes    file size in bytes (0 for {@code seeded-init})
 * @param readAt   when it was read
 */
public record WeightsProvenance(String format, String source, String sha256, long bytes, Instant readAt) {

    public WeightsProvenance {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("format is required");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required");
        }
        sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!sha256.isEmpty() && !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits, got " + sha256);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be ≥ 0");
        }
        if (readAt == null) {
            throw new IllegalArgumentException("readAt is required");
        }
    }

    /** Weights drawn from a seed rather than read from a file. */
    public static WeightsProvenance seeded(long seed) {
        return new WeightsProvenance("seeded-init", "seed " + seed, "", 0, Instant.now());
    }

    /**
     * Whether the file name carries torchvision's hash prefix convention ({@code resnet50-0676ba61.pth}: the
     * first 8 hex digits of the SHA-256) and it matches — the check torchvision's own downloader makes.
     */
    public boolean matchesTorchvisionHashPrefix() {
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dash = name.lastIndexOf('-');
        int dot = name.lastIndexOf('.');
        if (dash < 0 || dot < dash) {
            return false;
        }
        String prefix = name.substring(dash + 1, dot).toLowerCase(Locale.ROOT);
        return prefix.matches("[0-9a-f]{6,64}") && sha256.startsWith(prefix);
    }
}
