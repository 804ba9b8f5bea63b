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
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs a run on a job-engine worker: marks it running, hands it to the executor of its kind, and ends it as
 * FINISHED, CANCELLED or FAILED. The run's status — not the job's — is the truth: a failed run is a finished job
 * (a failure is reported, not retried). Executing an ended run again does nothing.
 *
 * <p>The job itself fails only when its worker dies: the job engine then finds the job orphaned (its background
 * server missed heartbeats for the server timeout), marks it failed and retries it on any live worker — the run is
 * still RUNNING, so it is resumed from its last checkpoint. {@link #WORKER_DEATHS_SURVIVED} bounds how often.
 * The engine's optimistic locking of job state makes sure one job runs on exactly one worker at a time.
 */
@Component
public class ExecuteRunHandler implements JobRequestHandler<ExecuteRun> {

    private static final Logger log = LoggerFactory.getLogger(ExecuteRunHandler.class);

    /** How many dead workers a run survives (job-engine retries of an orphaned job). */
    public static final int WORKER_DEATHS_SURVIVED = 3;

    private final RunService runs;
    private final Map<RunKind, RunExecutor> executors = new EnumMap<>(RunKind.class);
    private final ObjectProvider<BackgroundJobServer> server;

    @Autowired
    ExecuteRunHandler(RunService runs, List<RunExecutor> executors, ObjectProvider<BackgroundJobServer> server) {
        this.runs = runs;
        executors.forEach(e -> this.executors.put(e.kind(), e));
        this.server = server;
    }

    /** For tests and commands that execute runs in-process, without the job engine's server. */
    public ExecuteRunHandler(RunService runs, List<RunExecutor> executors) {
        this(runs, executors, null);
    }

    @Override
    @Job(name = "Run %0", retries = WORKER_DEATHS_SURVIVED)
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
        BackgroundJobServer worker = server == null ? null : server.getIfAvailable();
        runs.markRunning(id, worker == null ? null : worker.getId().toString(), workerName(worker));
        try {
            RunOutcome outcome = executor.execute(new RunContext(runs.find(id).orElseThrow(),
                    runs.spec(id).orElse("{}"), resumed, runs));
            runs.finish(id, outcome.provenanceJson());
        } catch (RunCancelledException e) {
            runs.markCancelled(id);
        } catch (InterruptedException e) {
            // the worker is stopping (shutdown): the run stays RUNNING and the engine retries the job elsewhere,
            // which resumes it from its last checkpoint
            log.info("run {} interrupted by the worker's shutdown; it will be resumed", id);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run " + id + " interrupted; resumed on the next attempt", e);
        } catch (Exception | OutOfMemoryError e) {
            log.warn("run {} failed", id, e);
            runs.fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String workerName(BackgroundJobServer worker) {
        if (worker != null) {
            return worker.getConfiguration().getName();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + " (in-process)";
        } catch (java.net.UnknownHostException e) {
            return "in-process";
        }
    }
}
