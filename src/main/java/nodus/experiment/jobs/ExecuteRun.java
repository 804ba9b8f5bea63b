package nodus.experiment.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The job-engine request to execute (or resume) one run. */
public record ExecuteRun(long runId) implements JobRequest {
    @Override
    public Class<ExecuteRunHandler> getJobRequestHandler() {
        return ExecuteRunHandler.class;
    }
}
