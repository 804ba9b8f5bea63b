package nodus.experiment.jobs;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nodus.experiment.RunEvent;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues a launched run on the job engine once its launch is committed. The job id is derived from the run id,
 * so the engine sees one job per run.
 */
@Component
class RunQueue {

    private final JobRequestScheduler scheduler;

    RunQueue(JobRequestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @TransactionalEventListener
    void onLaunched(RunEvent.Created created) {
        scheduler.enqueue(jobId(created.runId()), new ExecuteRun(created.runId()));
    }

    static UUID jobId(long runId) {
        return UUID.nameUUIDFromBytes(("nodus-run-" + runId).getBytes(StandardCharsets.UTF_8));
    }
}
