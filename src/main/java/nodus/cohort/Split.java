package nodus.cohort;

import java.time.Instant;
import java.util.List;

/**
 * A split of one cohort version for one task. {@code contentHash} is the SHA-256 of the patient ids per part
 * (see {@link SplitHash}); runs record it. Once {@code used}, the split is frozen.
 */
public record Split(long id, long cohortId, String taskName, String name, SplitScheme scheme, Long seed,
        List<String> balanceVariables, String contentHash, boolean used, Instant usedAt, String createdBy,
        Instant createdAt) {

    public Split {
        balanceVariables = List.copyOf(balanceVariables);
        if (contentHash == null || contentHash.length() != 64) {
            throw new IllegalArgumentException("split content hash must be 64 hex digits");
        }
    }
}
