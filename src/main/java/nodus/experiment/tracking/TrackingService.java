package nodus.experiment.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nodus.experiment.tracking.TrackingBackend.ModelRegistration;
import nodus.experiment.tracking.TrackingBackend.RemoteRun;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tracking port as the rest of Nodus sees it: record what must reach the tracking server (inside the
 * caller's transaction), and read each run's sync state. With no backend (no tracking URI configured) recording
 * is a no-op and every run is {@link SyncState#NOT_TRACKED}.
 */
@Service
public class TrackingService {

    public static final String CONFIGURATION_HINT = "MLflow is not configured: Nodus works on its own. To mirror "
            + "runs to MLflow set nodus.mlflow.tracking-uri (or the environment variable MLFLOW_TRACKING_URI), "
            + "with credentials in MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD or MLFLOW_TRACKING_TOKEN "
            + "(see docs/mlflow.md).";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboxRepository outbox;
    private final ObjectProvider<TrackingBackend> backend;
    private final ObjectProvider<OutboxDelivery> delivery;

    TrackingService(OutboxRepository outbox, ObjectProvider<TrackingBackend> backend,
                    ObjectProvider<OutboxDelivery> delivery) {
        this.outbox = outbox;
        this.backend = backend;
        this.delivery = delivery;
    }

    public boolean configured() {
        return backend.getIfAvailable() != null;
    }

    /** Where runs go ("MLflow at …"), or the hint saying where to configure it. */
    public String describe() {
        TrackingBackend b = backend.getIfAvailable();
        return b == null ? CONFIGURATION_HINT : b.describe();
    }

    public RunSync sync(long runId) {
        return outbox.sync(runId).map(this::withUrl).orElse(RunSync.notTracked(runId));
    }

    public Map<Long, RunSync> syncs() {
        Map<Long, RunSync> all = new LinkedHashMap<>();
        outbox.allSyncs().forEach((id, s) -> all.put(id, withUrl(s)));
        return all;
    }

    /** Uploads {@code file} as the run's artifact {@code artifactPath}; the file must stay until delivered. */
    @Transactional
    public void recordArtifact(long runId, String artifactPath, Path file) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("path", artifactPath);
        payload.put("file", file.toAbsolutePath().toString());
        record(runId, EntryKind.ARTIFACT, json(payload));
    }

    /** Registers the run's artifacts as a model version (delivered after the run's earlier entries). */
    @Transactional
    public void recordModelRegistration(long runId, ModelRegistration registration) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("model", registration.model());
        payload.put("version", registration.version());
        payload.put("artifactPath", registration.artifactPath());
        payload.put("description", registration.description());
        payload.put("tags", registration.tags());
        record(runId, EntryKind.REGISTER_MODEL, json(payload));
    }

    /** Moves {@code alias} to the version registered for ({@code model}, {@code version}). */
    @Transactional
    public void recordAlias(long runId, String model, int version, String alias) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("model", model);
        payload.put("version", version);
        payload.put("alias", alias);
        record(runId, EntryKind.ALIAS, json(payload));
    }

    /** Records an entry in the current transaction and wakes the delivery worker once it commits. */
    void record(long runId, EntryKind kind, String payload) {
        if (!configured()) {
            return;
        }
        outbox.append(runId, kind, payload);
        OutboxDelivery worker = delivery.getIfAvailable();
        if (worker == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        } else {
            worker.wake();
        }
    }

    private RunSync withUrl(RunSync s) {
        TrackingBackend b = backend.getIfAvailable();
        if (b == null || s.remoteRunId() == null || s.remoteExperimentId() == null) {
            return s;
        }
        return s.withUrl(b.runUrl(new RemoteRun(s.remoteExperimentId(), s.remoteRunId(), null)));
    }

    Optional<RemoteRun> remote(long runId) {
        return outbox.remote(runId).map(r -> new RemoteRun(r[0], r[1], r[2]));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
