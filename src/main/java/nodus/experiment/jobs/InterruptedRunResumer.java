package nodus.experiment.jobs;

import java.time.Instant;
import java.util.List;
import nodus.experiment.RunService;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.exceptions.IllegalJobThreadStateException;
import org.jobrunr.jobs.filters.ElectStateFilter;
import org.jobrunr.jobs.filters.JobFilter;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Resumes runs whose process died (kill -9, power loss, a worker machine gone). The job engine notices such a
 * job when its PROCESSING state has not been refreshed for the server timeout (poll interval × 4, 20 s by
 * default) and fails it as "orphaned"; this filter turns that failure into: run INTERRUPTED (shown as such), job
 * scheduled again at once. The handler then sees an INTERRUPTED run and the executor resumes it from its last
 * checkpoint. Run failures never reach the engine (the handler records them as FAILED runs), so the engine's own
 * retries ({@link ExecuteRunHandler#WORKER_DEATHS_SURVIVED}) only ever repeat orphaned or shut-down jobs.
 *
 * <p>Registered on the background job server (JobRunr's Spring starter does not pick up filter beans); it must
 * be set before the server starts, which the starter does after all singletons exist.
 */
@Component
class InterruptedRunResumer implements ElectStateFilter {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRunResumer.class);

    private final RunService runs;

    InterruptedRunResumer(RunService runs, ObjectProvider<BackgroundJobServer> server) {
        this.runs = runs;
        server.ifAvailable(s -> s.setJobFilters(List.<JobFilter>of(this)));
    }

    @Override
    public void onStateElection(Job job, JobState newState) {
        // The engine's own retry filter may already have turned the orphaned failure into a scheduled retry
        // before this filter is asked (filters see the job's current state), so look at the last two states.
        List<JobState> states = job.getJobStates();
        JobState last = states.get(states.size() - 1);
        JobState previous = states.size() >= 2 ? states.get(states.size() - 2) : null;
        boolean failedNow = last instanceof FailedState f && orphaned(f);
        boolean retriedNow = last instanceof ScheduledState && previous instanceof FailedState f && orphaned(f);
        if (!failedNow && !retriedNow) {
            return;
        }
        Long runId = runId(job);
        if (runId == null) {
            return;
        }
        log.warn("run {}: its process stopped while it ran (job {} orphaned); resuming from its last checkpoint",
                runId, job.getId());
        runs.markInterrupted(runId, "the process running it stopped; resuming from the last checkpoint");
        if (failedNow) {
            job.scheduleAt(Instant.now(), "Resume of interrupted run " + runId);
        }
    }

    private static boolean orphaned(FailedState failed) {
        return IllegalJobThreadStateException.class.getName().equals(failed.getExceptionType());
    }

    private static Long runId(Job job) {
        List<JobParameter> params = job.getJobDetails().getJobParameters();
        if (params.size() == 1 && params.get(0).isDeserializable()
                && params.get(0).getObject() instanceof ExecuteRun request) {
            return request.runId();
        }
        return null;
    }
}
