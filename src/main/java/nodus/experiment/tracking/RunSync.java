package nodus.experiment.tracking;

import java.time.Instant;

/** A run's sync state for the UI: the remote run (if created), its link, the last error and the pending count. */
public record RunSync(long runId, SyncState state, String remoteExperimentId, String remoteRunId, String url, String lastError, int attempts,
                      long pendingEntries, Instant updatedAt) {

    public RunSync withUrl(String link) {
        return new RunSync(runId, state, remoteExperimentId, remoteRunId, link, lastError, attempts, pendingEntries,
                updatedAt);
    }

    public static RunSync notTracked(long runId) {
        return new RunSync(runId, SyncState.NOT_TRACKED, null, null, null, null, 0, 0, null);
    }
}
