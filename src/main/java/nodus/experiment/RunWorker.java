package nodus.experiment;

/**
 * Where a run executes or executed: the job engine's background server (id = JobRunr's server UUID, null when
 * the run was executed directly in-process, e.g. by a command) and its name (host, or the worker's --name), and
 * how many times the run was started (more than 1 = resumed after its worker died).
 */
public record RunWorker(long runId, String workerId, String workerName, int executions) {
    public RunWorker {
        if (executions < 0) {
            throw new IllegalArgumentException("executions must be >= 0, got " + executions);
        }
    }
}
