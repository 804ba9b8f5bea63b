package nodus.classical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Identity of a set of cases: SHA-256 (hex) of the case ids sorted by {@link String#compareTo}, each followed by
 * a newline, UTF-8. Order-independent, so a step fitted on the same cases in another order has the same hash.
 */
public final class CaseIdHash {

    private CaseIdHash() {
    }

    public static String of(Collection<String> caseIds) {
        List<String> sorted = new ArrayList<>(caseIds);
        sorted.sort(null);
        StringBuilder sb = new StringBuilder();
        for (String id : sorted) {
            sb.append(id).append('\n');
        }
        return sha256(sb.toString());
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
