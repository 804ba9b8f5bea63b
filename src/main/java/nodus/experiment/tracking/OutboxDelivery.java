package nodus.experiment.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nodus.experiment.CasePrediction;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.figures.RunFigures;
import nodus.experiment.tracking.TrackingBackend.ModelRegistration;
import nodus.experiment.tracking.TrackingBackend.RemoteRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox to the tracking backend: per run, entries in the order they were recorded; a failure stops
 * that run's delivery and retries it later with exponential back-off (the other runs go on). An entry is marked
 * delivered only after the backend call succeeded, so a crash or a lost response leads to a repeat, which the
 * backend absorbs (idempotent calls; metric points keep their original timestamps). Everything is in the
 * database, so a restarted process resumes where the last one stopped.
 *
 * <p>One background thread, woken when an entry is committed and otherwise polling.
 */
@Component
public class OutboxDelivery implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Consecutive METRICS entries are sent together, up to this many points (the backend splits to limits). */
    private static final int MAX_POINTS_PER_DELIVERY = 10_000;

    private final OutboxRepository outbox;
    private final TrackingSettings settings;
    private final ObjectProvider<TrackingBackend> backends;
    private final TrackingBackend fixedBackend;
    private final RunService runs;
    private final ExperimentService experiments;
    private final Object signal = new Object();
    /** One delivery pass at a time (not the lifecycle monitor: stop() must not wait for a pass it is ending). */
    private final Object pass = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread worker;

    @Autowired
    OutboxDelivery(OutboxRepository outbox, TrackingSettings settings, ObjectProvider<TrackingBackend> backends,
                   RunService runs, ExperimentService experiments) {
        this(outbox, settings, backends, null, runs, experiments);
    }

    private OutboxDelivery(OutboxRepository outbox, TrackingSettings settings,
                           ObjectProvider<TrackingBackend> backends, TrackingBackend fixedBackend, RunService runs,
                           ExperimentService experiments) {
        this.outbox = outbox;
        this.settings = settings;
        this.backends = backends;
        this.fixedBackend = fixedBackend;
        this.runs = runs;
        this.experiments = experiments;
    }

    /**
     * A new delivery over the same database with {@code backend} and no memory of this one — what a restarted
     * process has. Tests use it to show that delivery resumes from the stored entries.
     */
    public OutboxDelivery restartedWith(TrackingBackend backend) {
        return new OutboxDelivery(outbox, settings, backends, backend, runs, experiments);
    }

    private TrackingBackend backend() {
        return fixedBackend != null ? fixedBackend : backends.getIfAvailable();
    }

    // ---- the worker ----

    @Override
    public synchronized void start() {
        if (running || !settings.deliveryEnabled() || backend() == null) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "nodus-tracking-outbox");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Makes the worker look for work now (called after a transaction with new entries commits). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                LOG.warn("tracking delivery failed: {}", e.toString());
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(Math.max(50, settings.poll().toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    // ---- one pass ----

    /** Delivers every due run's entries once; returns how many entries were delivered. */
    public int deliverDue() {
        TrackingBackend backend = backend();
        if (backend == null) {
            return 0;
        }
        synchronized (pass) {
            int delivered = 0;
            for (long runId : outbox.dueRuns(Instant.now())) {
                delivered += deliverRun(backend, runId);
            }
            return delivered;
        }
    }

    private int deliverRun(TrackingBackend backend, long runId) {
        int delivered = 0;
        try {
            while (true) {
                List<OutboxEntry> entries = outbox.pending(runId, 500);
                if (entries.isEmpty()) {
                    break;
                }
                RemoteRun remote = ensureRemote(backend, runId);
                int i = 0;
                while (i < entries.size()) {
                    OutboxEntry entry = entries.get(i);
                    if (entry.kind() == EntryKind.METRICS) {
                        List<OutboxEntry> group = new ArrayList<>();
                        List<MetricPoint> points = new ArrayList<>();
                        while (i < entries.size() && entries.get(i).kind() == EntryKind.METRICS
                                && (group.isEmpty() || points.size() < MAX_POINTS_PER_DELIVERY)) {
                            group.add(entries.get(i));
                            points.addAll(points(entries.get(i).payload()));
                            i++;
                        }
                        backend.log(remote, points, Map.of(), Map.of());
                        group.forEach(e -> outbox.markDelivered(e.id()));
                        delivered += group.size();
                    } else {
                        deliver(backend, remote, entry);
                        outbox.markDelivered(entry.id());
                        delivered++;
                        i++;
                    }
                }
            }
            outbox.succeeded(runId);
        } catch (RuntimeException e) {
            int attempts = outbox.attempts(runId) + 1;
            Instant next = Instant.now().plus(settings.backoff(attempts));
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            outbox.failed(runId, message, attempts, next);
            LOG.info("tracking run {} failed (attempt {}), retry at {}: {}", runId, attempts, next, message);
        }
        return delivered;
    }

    private RemoteRun ensureRemote(TrackingBackend backend, long runId) {
        var stored = outbox.remote(runId);
        if (stored.isPresent()) {
            String[] r = stored.get();
            return new RemoteRun(r[0], r[1], r[2]);
        }
        Run run = runs.find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " is gone"));
        String experimentName = experiments.find(run.experimentId()).map(Experiment::name)
                .orElse("experiment-" + run.experimentId());
        TrackedRun tracked = new TrackedRun(run, experimentName, runs.spec(runId).orElse(null),
                outbox.installKey() + ":" + runId, NodusBuild.version(), NodusBuild.gitCommit());
        RemoteRun remote = backend.ensureRun(tracked);
        outbox.saveRemote(runId, remote.experimentId(), remote.runId(), remote.artifactUri());
        return remote;
    }

    private void deliver(TrackingBackend backend, RemoteRun remote, OutboxEntry entry) {
        long runId = entry.runId();
        switch (entry.kind()) {
            case CREATED -> {
                String spec = runs.spec(runId).orElse(null);
                backend.log(remote, List.of(), SpecParams.flatten(spec), Map.of());
                if (spec != null) {
                    uploadText(backend, remote, "spec.json", spec);
                }
            }
            case STARTED -> {
                // ensureRemote already made sure the run exists.
            }
            case PREDICTIONS -> {
                List<CasePrediction> predictions = runs.predictions(runId);
                uploadPredictions(backend, remote, predictions);
                uploadFigures(backend, remote, predictions);
            }
            case ENDED -> {
                runs.provenance(runId).ifPresent(p -> uploadText(backend, remote, "provenance.json", p));
                RunStatus status = RunStatus.valueOf(entry.payload());
                Instant end = runs.find(runId).map(Run::finishedAt).orElse(null);
                backend.end(remote, status, end == null ? entry.createdAt() : end);
            }
            case ARTIFACT -> {
                JsonNode p = read(entry.payload());
                Path file = Path.of(p.get("file").asText());
                if (!Files.isRegularFile(file)) {
                    // Retrying cannot bring a deleted file back; say so and go on with the run's other entries.
                    LOG.warn("tracking run {}: artifact {} is gone, not uploaded", runId, file);
                    return;
                }
                backend.uploadArtifact(remote, p.get("path").asText(), file);
            }
            case REGISTER_MODEL -> {
                JsonNode p = read(entry.payload());
                Map<String, String> tags = new LinkedHashMap<>();
                p.path("tags").fields().forEachRemaining(f -> tags.put(f.getKey(), f.getValue().asText()));
                backend.registerModelVersion(remote, new ModelRegistration(p.get("model").asText(),
                        p.get("version").asInt(), p.path("artifactPath").asText(), p.path("description").asText(""), tags));
            }
            case ALIAS -> {
                JsonNode p = read(entry.payload());
                backend.setAlias(remote, p.get("model").asText(), p.get("version").asInt(), p.get("alias").asText());
            }
            case METRICS -> backend.log(remote, points(entry.payload()), Map.of(), Map.of());
            default -> throw new IllegalStateException("unknown outbox entry " + entry.kind());
        }
    }

    static List<MetricPoint> points(String payload) {
        JsonNode rows = read(payload);
        List<MetricPoint> points = new ArrayList<>(rows.size());
        for (JsonNode r : rows) {
            points.add(new MetricPoint(r.get(0).asText(), r.get(1).asInt(), r.get(2).asDouble(),
                    Instant.ofEpochMilli(r.get(3).asLong())));
        }
        return points;
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable outbox payload: " + e.getMessage(), e);
        }
    }

    private static void uploadText(TrackingBackend backend, RemoteRun remote, String path, String text) {
        withTempFile(path, file -> {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            backend.uploadArtifact(remote, path, file);
        });
    }

    /** predictions.csv: case_id, part, label, score, then p0… for multi-class runs. */
    private static void uploadPredictions(TrackingBackend backend, RemoteRun remote, List<CasePrediction> preds) {
        withTempFile("predictions.csv", file -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(PredictionsCsv.header(preds));
                for (CasePrediction p : preds) {
                    w.write(PredictionsCsv.row(p));
                }
            }
            backend.uploadArtifact(remote, "predictions.csv", file);
        });
    }

    /**
     * ROC, decision and calibration figures per split part ({@link RunFigures}: SVG and PNG) under {@code figures/},
     * rendered from the same stored predictions as predictions.csv; re-rendering gives the same bytes, so a
     * repeated delivery overwrites a file with itself.
     */
    private static void uploadFigures(TrackingBackend backend, RemoteRun remote, List<CasePrediction> preds) {
        for (Map.Entry<String, byte[]> f : RunFigures.render(preds).entrySet()) {
            String path = FIGURES + "/" + f.getKey();
            withTempFile(f.getKey(), file -> {
                Files.write(file, f.getValue());
                backend.uploadArtifact(remote, path, file);
            });
        }
    }

    /** The artifact folder of a run's figures. */
    public static final String FIGURES = "figures";

    private interface FileWork {
        void run(Path file) throws IOException;
    }

    private static void withTempFile(String name, FileWork work) {
        Path file = null;
        try {
            file = Files.createTempFile("nodus-artifact-", "-" + name);
            work.run(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** The Nodus version and git commit, when the build recorded them. */
    static final class NodusBuild {
        private NodusBuild() {
        }

        static String version() {
            String v = OutboxDelivery.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        static String gitCommit() {
            String env = System.getenv("NODUS_GIT_COMMIT");
            if (env != null && !env.isBlank()) {
                return env.trim();
            }
            try (InputStream in = OutboxDelivery.class.getResourceAsStream("/git.properties")) {
                if (in == null) {
                    return null;
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("git.commit.id");
            } catch (IOException e) {
                return null;
            }
        }
    }
}
