package nodus.experiment.jobs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a run on a job-engine worker: marks it running, hands it to the executor of its kind, and ends it as
 * FINISHED, CANCELLED or FAILED. The run's status — not the job's — is the truth: a failed run is a finished job
 * (no automatic retries; a failure is reported, not hidden). Executing an ended run again does nothing.
 */
@Component
public class ExecuteRunHandler implements JobRequestHandler<ExecuteRun> {

    private static final Logger log = LoggerFactory.getLogger(ExecuteRunHandler.class);

    private final RunService runs;
    private final Map<RunKind, RunExecutor> executors = new EnumMap<>(RunKind.class);

    ExecuteRunHandler(RunService runs, List<RunExecutor> executors) {
        this.runs = runs;
        executors.forEach(e -> this.executors.put(e.kind(), e));
    }

    @Override
    @Job(name = "Run %0", retries = 0)
    public void run(ExecuteRun request) {
        long id = request.runId();
        Run run = runs.find(id).orElse(null);
        if (run == null || run.status().isTerminal()) {
            log.info("run {} is {}; nothing to execute", id, run == null ? "gone" : run.status());
            return;
        }
        boolean resumed = run.status() == RunStatus.RUNNING || run.status() == RunStatus.INTERRUPTED;
        RunExecutor executor = executors.get(run.kind());
        if (executor == null) {
            runs.fail(id, "this Nodus has no executor for " + run.kind() + " runs");
            return;
        }
        runs.markRunning(id);
        try {
            RunOutcome outcome = executor.execute(new RunContext(runs.find(id).orElseThrow(),
                    runs.spec(id).orElse("{}"), resumed, runs));
            runs.finish(id, outcome.provenanceJson());
        } catch (RunCancelledException e) {
            runs.markCancelled(id);
        } catch (Exception | OutOfMemoryError e) {
            log.warn("run {} failed", id, e);
            runs.fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
