package nodus.experiment.tracking;

/** How a run's mirror on the tracking server stands. */
public enum SyncState {
    /** Entries are waiting to be delivered (none has failed yet since the last success). */
    PENDING,
    /** Everything recorded for the run has been delivered. */
    SYNCED,
    /** The last delivery attempt failed; it is retried with back-off (see the last error). */
    FAILING,
    /** No tracking server is configured, or the run was recorded before one was. */
    NOT_TRACKED
}
