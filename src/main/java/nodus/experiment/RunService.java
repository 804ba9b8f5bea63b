package nodus.experiment;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nodus.base.Hashes;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a run: launched (QUEUED) by a researcher, executed by a job (RUNNING → FINISHED / FAILED /
 * CANCELLED), with its metric history and per-case predictions stored here first — every statistic is recomputed
 * from them. Each change is published as a {@link RunEvent} inside its transaction (for tracking).
 *
 * <p>Launch and cancel are for researchers and admins (checked here); the execution methods are called by the job
 * engine.
 */
@Service
public class RunService {

    private static final Set<RunStatus> LIVE = EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.INTERRUPTED);

    private final RunRepository runs;
    private final RunDataRepository data;
    private final ExperimentRepository experiments;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    RunService(RunRepository runs, RunDataRepository data, ExperimentRepository experiments, CurrentUser currentUser,
               ApplicationEventPublisher events) {
        this.runs = runs;
        this.data = data;
        this.experiments = experiments;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The content address of a run: same kind, task, cohort version, split and spec → same hash. */
    public static String specHash(NewRun run) {
        return Hashes.sha256(run.kind() + "\n" + run.task() + "\n" + run.cohortRef() + "\n" + run.splitHash() + "\n"
                + run.specJson());
    }

    /**
     * Queues a run, or returns the existing live or finished run with the same content address in this
     * experiment (nothing is computed twice).
     */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Run launch(NewRun request) {
        experiments.findById(request.experimentId()).orElseThrow(
                () -> new IllegalArgumentException("no experiment with id " + request.experimentId()));
        // Two users (or two server processes) launching the same spec at once: the experiment row's lock makes
        // the second launch wait for the first to commit, then find its run (portable: no partial unique index).
        runs.lockExperiment(request.experimentId());
        String hash = specHash(request);
        Optional<Run> existing = runs.findBySpecHash(request.experimentId(), hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = runs.insert(request, hash, currentUser.name());
        events.publishEvent(new RunEvent.Created(id));
        return runs.findById(id).orElseThrow();
    }

    /** Asks a queued or running run to stop; a running job checks {@link #cancelRequested} between batches. */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    @Transactional
    public void cancel(long runId) {
        Run run = require(runId);
        if (run.status().isTerminal()) {
            throw new IllegalStateException("run " + runId + " has already ended (" + run.status() + ")");
        }
        runs.requestCancel(runId);
        if (run.status() == RunStatus.QUEUED && runs.transition(runId, EnumSet.of(RunStatus.QUEUED),
                RunStatus.CANCELLED, "cancelled by " + currentUser.name() + " before it started")) {
            events.publishEvent(new RunEvent.Ended(runId, RunStatus.CANCELLED));
        }
    }

    @PermitAll
    public Optional<Run> find(long runId) {
        return runs.findById(runId);
    }

    @PermitAll
    public Optional<String> spec(long runId) {
        return runs.specJson(runId);
    }

    /** The seed the run was launched with, if any. */
    @PermitAll
    public Optional<Long> seed(long runId) {
        return runs.seed(runId);
    }

    @PermitAll
    public Optional<String> provenance(long runId) {
        return runs.provenanceJson(runId);
    }

    @PermitAll
    public List<MetricPoint> metrics(long runId) {
        return data.metrics(runId);
    }

    @PermitAll
    public List<CasePrediction> predictions(long runId) {
        return data.predictions(runId);
    }

    // ---- called by the job that executes the run ----

    @Transactional
    public void markRunning(long runId) {
        if (!runs.transition(runId, LIVE, RunStatus.RUNNING, null)) {
            throw new IllegalStateException("run " + runId + " cannot start from " + require(runId).status());
        }
        events.publishEvent(new RunEvent.Started(runId));
    }

    /**
     * Marks the run running on a worker (the job engine's background server id and name; id null when executed
     * in-process without the engine) and counts the start; a second start means it was resumed elsewhere.
     */
    @Transactional
    public void markRunning(long runId, String workerId, String workerName) {
        markRunning(runId);
        runs.recordWorker(runId, workerId, workerName);
    }

    /** How many runs are RUNNING on each worker (job-engine background server id). */
    @PermitAll
    public Map<String, Long> runningPerWorker() {
        return runs.runningPerWorker();
    }

    /** The worker of each given run (runs never started have a null worker and 0 executions). */
    @PermitAll
    public Map<Long, RunWorker> workers(java.util.Collection<Long> runIds) {
        Map<Long, RunWorker> byRun = new java.util.HashMap<>();
        runs.workers(runIds).forEach(w -> byRun.put(w.runId(), w));
        return byRun;
    }

    public boolean cancelRequested(long runId) {
        return runs.cancelRequested(runId);
    }

    @Transactional
    public void logMetrics(long runId, int step, Map<String, Double> values) {
        Instant now = Instant.now();
        List<MetricPoint> points = new ArrayList<>();
        values.forEach((key, value) -> points.add(new MetricPoint(key, step, value, now)));
        logMetrics(runId, points);
    }

    @Transactional
    public void logMetrics(long runId, List<MetricPoint> points) {
        require(runId);
        data.upsertMetrics(runId, points);
        events.publishEvent(new RunEvent.MetricsLogged(runId, List.copyOf(points)));
    }

    /** Stores the run's per-case predictions (all parts), replacing earlier ones. Case ids must be unique. */
    @Transactional
    public void savePredictions(long runId, List<CasePrediction> predictions) {
        require(runId);
        Set<String> seen = new HashSet<>();
        for (CasePrediction p : predictions) {
            if (!seen.add(p.caseId())) {
                throw new IllegalArgumentException("case " + p.caseId() + " has two predictions in run " + runId);
            }
        }
        data.replacePredictions(runId, predictions);
        events.publishEvent(new RunEvent.PredictionsSaved(runId, predictions.size()));
    }

    /**
     * Stores per-case feature vectors (e.g. a backbone's penultimate features), replacing earlier ones. All vectors
     * of a run have the same dimension.
     */
    @Transactional
    public void saveCaseFeatures(long runId, Map<String, float[]> vectors) {
        require(runId);
        long dimensions = vectors.values().stream().mapToInt(v -> v.length).distinct().count();
        if (dimensions > 1) {
            throw new IllegalArgumentException("run " + runId + ": feature vectors of different lengths");
        }
        data.replaceCaseFeatures(runId, vectors);
    }

    @PermitAll
    public Map<String, float[]> caseFeatures(long runId) {
        return data.caseFeatures(runId);
    }

    @Transactional
    public void finish(long runId, String provenanceJson) {
        runs.setProvenance(runId, provenanceJson);
        end(runId, RunStatus.FINISHED, null);
    }

    @Transactional
    public void fail(long runId, String message) {
        end(runId, RunStatus.FAILED, message);
    }

    @Transactional
    public void markCancelled(long runId) {
        end(runId, RunStatus.CANCELLED, "cancelled while running");
    }

    /** The process died while the run ran (found at start-up); it resumes from its last checkpoint. */
    @Transactional
    public void markInterrupted(long runId, String message) {
        if (runs.transition(runId, EnumSet.of(RunStatus.RUNNING), RunStatus.INTERRUPTED, message)) {
            events.publishEvent(new RunEvent.Ended(runId, RunStatus.INTERRUPTED));
        }
    }

    private void end(long runId, RunStatus status, String message) {
        if (!runs.transition(runId, LIVE, status, message)) {
            throw new IllegalStateException("run " + runId + " cannot end as " + status + " from "
                    + require(runId).status());
        }
        events.publishEvent(new RunEvent.Ended(runId, status));
    }

    private Run require(long runId) {
        return runs.findById(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
    }
}
