package nodus.experiment.jobs;

/** Thrown inside a run when a researcher asked it to stop; the run ends as CANCELLED. */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException(long runId) {
        super("run " + runId + " was cancelled");
    }
}
