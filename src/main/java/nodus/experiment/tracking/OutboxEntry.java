package nodus.experiment.tracking;

import java.time.Instant;

/** One recorded action waiting for (or done by) delivery. */
record OutboxEntry(long id, long runId, EntryKind kind, String payload, Instant createdAt) {
}
