package nodus.registry;

import java.nio.file.Path;
import java.time.Instant;

/** One exported model version in {@code model-registry/<name>/<version>/}, with its approval record. */
public record RegisteredModel(long id, String name, int version, long runId, Path directory, boolean weightsPresent,
                              ApprovalState state, String exportedBy, Instant exportedAt, String proposedBy,
                              Instant proposedAt, String proposalComment, String reviewedBy, Instant reviewedAt,
                              String reviewComment, boolean champion) {
}
