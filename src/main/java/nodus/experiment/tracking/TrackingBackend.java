package nodus.experiment.tracking;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nodus.experiment.MetricPoint;
import nodus.experiment.RunStatus;

/**
 * Where runs are mirrored (implemented by the MLflow adapter in {@code integration.mlflow}; runs never see it).
 * Every method must be idempotent: the outbox calls it again after a failure whose effect is unknown (a lost
 * response), so repeating a call must not create a second run, model version or metric value.
 */
public interface TrackingBackend {

    /** A short description for people, e.g. {@code MLflow at http://host:5000}. */
    String describe();

    /**
     * The remote run of a Nodus run, created if it does not exist yet. Must find a run created by an earlier call
     * whose response was lost (by {@link TrackedRun#key()}), so a Nodus run maps to exactly one remote run.
     */
    RemoteRun ensureRun(TrackedRun run);

    /** Logs metric points (with their steps and timestamps), params and tags, split to the server's limits. */
    void log(RemoteRun run, List<MetricPoint> metrics, Map<String, String> params, Map<String, String> tags);

    /** Uploads one file as the run artifact {@code artifactPath} (e.g. {@code predictions.csv}), streamed. */
    void uploadArtifact(RemoteRun run, String artifactPath, Path file);

    /** Ends the remote run with Nodus's final status. */
    void end(RemoteRun run, RunStatus status, Instant endTime);

    /** Registers the run's artifacts under {@code artifactPath} as a version of a registered model (idempotent). */
    String registerModelVersion(RemoteRun run, ModelRegistration registration);

    /** Points {@code alias} of the registered model at the version registered for ({@code model}, {@code version}). */
    void setAlias(RemoteRun run, String model, int version, String alias);

    /** A link to the run in the tracking server's UI, or null if it has none. */
    String runUrl(RemoteRun run);

    /** The remote identity of a run: its experiment, run id and artifact root. */
    record RemoteRun(String experimentId, String runId, String artifactUri) {
        public RemoteRun {
            if (experimentId == null || runId == null) {
                throw new IllegalArgumentException("a remote run needs its experiment id and run id");
            }
        }
    }

    /** A model version to register: Nodus's model name and version, its run artifact folder, description, tags. */
    record ModelRegistration(String model, int version, String artifactPath, String description,
                             Map<String, String> tags) {
        public ModelRegistration {
            tags = Map.copyOf(tags);
        }
    }
}
