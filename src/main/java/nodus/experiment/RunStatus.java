package nodus.experiment;

/** Life cycle of a run. INTERRUPTED: the process died while it ran; it resumes from its last checkpoint. */
public enum RunStatus {
    QUEUED, RUNNING, FINISHED, FAILED, CANCELLED, INTERRUPTED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}
