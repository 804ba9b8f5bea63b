package nodus.cohort;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;

/**
 * The content hash of a split: SHA-256 (lower-case hex) of the UTF-8 text that lists, for each part in the order
 * TRAIN, VALIDATION, TEST, a line with the part name followed by one line per patient id of that part in sorted
 * (String) order, every line ending in "\n". Empty parts contribute only their name line. Two splits with the same
 * patients in the same parts have the same hash, whatever their case order or database ids.
 */
public final class SplitHash {

    private SplitHash() {
    }

    public static String of(Map<String, Part> partByPatient) {
        StringBuilder text = new StringBuilder();
        for (Part part : Part.values()) {
            text.append(part.name()).append('\n');
            TreeSet<String> ids = new TreeSet<>();
            partByPatient.forEach((patient, p) -> {
                if (p == part) {
                    ids.add(patient);
                }
            });
            ids.forEach(id -> text.append(id).append('\n'));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
