package nodus.integration.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.RunStatus;
import nodus.experiment.tracking.TrackedRun;
import nodus.experiment.tracking.TrackingBackend;
import org.mlflow.api.proto.ModelRegistry.CreateModelVersion;
import org.mlflow.api.proto.ModelRegistry.CreateRegisteredModel;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.ModelRegistry.RegisteredModelTag;
import org.mlflow.api.proto.ModelRegistry.SearchModelVersions;
import org.mlflow.api.proto.ModelRegistry.SetRegisteredModelAlias;
import org.mlflow.api.proto.Service.CreateExperiment;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.GetExperimentByName;
import org.mlflow.api.proto.Service.LogBatch;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RestoreExperiment;
import org.mlflow.api.proto.Service.RestoreRun;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.SearchRuns;
import org.mlflow.api.proto.Service.UpdateRun;
import org.mlflow.api.proto.Service.ViewType;

/**
 * The tracking port on an MLflow server (2.x, started with {@code --serve-artifacts}). One MLflow experiment per
 * Nodus experiment (same name); one MLflow run per Nodus run, found again by its {@code nodus.run_key} tag so a
 * create whose reply was lost is never repeated; metric points keep their steps and timestamps, so a repeated
 * batch adds nothing (the SQL store keeps one row per key, timestamp, step and value).
 */
public class MlflowTrackingBackend implements TrackingBackend {

    static final String RUN_KEY_TAG = "nodus.run_key";
    static final String VERSION_TAG = "nodus.version";
    /** MLflow 2.17 MAX_PARAM_VAL_LENGTH; longer values are cut (the full spec is the spec.json artifact). */
    static final int MAX_PARAM_VALUE = 6000;
    static final int MAX_TAG_VALUE = 8000;

    private final MlflowRest rest;
    private final Map<String, String> experimentIds = new ConcurrentHashMap<>();

    MlflowTrackingBackend(MlflowRest rest) {
        this.rest = rest;
    }

    /** A backend for {@code trackingUri} with credentials from the environment. */
    public static MlflowTrackingBackend connect(String trackingUri) {
        return new MlflowTrackingBackend(new MlflowRest(trackingUri, MlflowRest.MlflowCredentials.fromEnvironment(),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60)));
    }

    /** Sees every request sent (tests count and measure them). */
    public void observe(Consumer<SentRequest> observer) {
        rest.observe(observer);
    }

    public String trackingUri() {
        return rest.base();
    }

    @Override
    public String describe() {
        return "MLflow at " + rest.base();
    }

    // ---- runs ----

    @Override
    public RemoteRun ensureRun(TrackedRun tracked) {
        String experimentId = experimentId(tracked.experimentName());
        String filter = "tags.`" + RUN_KEY_TAG + "` = '" + tracked.key().replace("'", "\\'") + "'";
        SearchRuns.Response.Builder found = rest.post("runs/search", SearchRuns.newBuilder()
                .addExperimentIds(experimentId).setFilter(filter).setRunViewType(ViewType.ALL).setMaxResults(2),
                SearchRuns.Response.newBuilder());
        if (found.getRunsCount() > 0) {
            RunInfo info = found.getRuns(0).getInfo();
            if ("deleted".equals(info.getLifecycleStage())) {
                rest.post("runs/restore", RestoreRun.newBuilder().setRunId(info.getRunId()),
                        RestoreRun.Response.newBuilder());
            }
            return new RemoteRun(experimentId, info.getRunId(), info.getArtifactUri());
        }
        Run run = tracked.run();
        CreateRun.Builder create = CreateRun.newBuilder().setExperimentId(experimentId).setRunName(run.name())
                .setStartTime(tracked.startTime().toEpochMilli());
        if (run.createdBy() != null) {
            create.setUserId(run.createdBy());
        }
        tags(tracked).forEach((k, v) -> create.addTags(RunTag.newBuilder().setKey(k).setValue(cut(v, MAX_TAG_VALUE))));
        RunInfo info = rest.post("runs/create", create, CreateRun.Response.newBuilder()).getRun().getInfo();
        return new RemoteRun(experimentId, info.getRunId(), info.getArtifactUri());
    }

    static Map<String, String> tags(TrackedRun tracked) {
        Run run = tracked.run();
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put("mlflow.runName", run.name());
        tags.put("mlflow.user", run.createdBy());
        tags.put("mlflow.source.name", "nodus");
        tags.put("mlflow.source.type", "LOCAL");
        tags.put(RUN_KEY_TAG, tracked.key());
        tags.put("nodus.run_id", Long.toString(run.id()));
        tags.put("nodus.kind", run.kind().name());
        tags.put("nodus.task", run.task());
        tags.put("nodus.cohort", run.cohortRef());
        tags.put("nodus.split_hash", run.splitHash());
        tags.put("nodus.spec_hash", run.specHash());
        tags.put("nodus.experiment", tracked.experimentName());
        tags.put("nodus.nodus_version", tracked.nodusVersion());
        if (tracked.gitCommit() != null) {
            tags.put("mlflow.source.git.commit", tracked.gitCommit());
            tags.put("nodus.git_commit", tracked.gitCommit());
        }
        tags.values().removeIf(v -> v == null);
        return tags;
    }

    private String experimentId(String name) {
        String cached = experimentIds.get(name);
        if (cached != null) {
            return cached;
        }
        String id;
        try {
            Experiment e = rest.get("experiments/get-by-name", MlflowRest.query("experiment_name", name),
                    GetExperimentByName.Response.newBuilder()).getExperiment();
            id = e.getExperimentId();
            if ("deleted".equals(e.getLifecycleStage())) {
                rest.post("experiments/restore", RestoreExperiment.newBuilder().setExperimentId(id),
                        RestoreExperiment.Response.newBuilder());
            }
        } catch (MlflowException notFound) {
            if (!notFound.is("RESOURCE_DOES_NOT_EXIST")) {
                throw notFound;
            }
            try {
                id = rest.post("experiments/create", CreateExperiment.newBuilder().setName(name),
                        CreateExperiment.Response.newBuilder()).getExperimentId();
            } catch (MlflowException exists) {
                if (!exists.is("RESOURCE_ALREADY_EXISTS")) {
                    throw exists;
                }
                id = rest.get("experiments/get-by-name", MlflowRest.query("experiment_name", name),
                        GetExperimentByName.Response.newBuilder()).getExperiment().getExperimentId();
            }
        }
        experimentIds.put(name, id);
        return id;
    }

    @Override
    public void log(RemoteRun run, List<MetricPoint> metrics, Map<String, String> params, Map<String, String> tags) {
        List<Metric> m = new ArrayList<>(metrics.size());
        for (MetricPoint p : metrics) {
            m.add(Metric.newBuilder().setKey(p.key()).setValue(p.value()).setStep(p.step())
                    .setTimestamp(p.recordedAt().toEpochMilli()).build());
        }
        List<Param> ps = new ArrayList<>(params.size());
        params.forEach((k, v) -> ps.add(Param.newBuilder().setKey(k).setValue(cut(v, MAX_PARAM_VALUE)).build()));
        List<RunTag> ts = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> ts.add(RunTag.newBuilder().setKey(k).setValue(cut(v, MAX_TAG_VALUE)).build()));
        for (LogBatch batch : LogBatchPlanner.plan(run.runId(), m, ps, ts)) {
            rest.post("runs/log-batch", batch, LogBatch.Response.newBuilder());
        }
    }

    @Override
    public void end(RemoteRun run, RunStatus status, Instant endTime) {
        log(run, List.of(), Map.of(), Map.of("nodus.status", status.name()));
        org.mlflow.api.proto.Service.RunStatus remote = switch (status) {
            case FINISHED -> org.mlflow.api.proto.Service.RunStatus.FINISHED;
            case FAILED -> org.mlflow.api.proto.Service.RunStatus.FAILED;
            case CANCELLED -> org.mlflow.api.proto.Service.RunStatus.KILLED;
            // Interrupted runs resume from a checkpoint: they stay RUNNING in MLflow (the tag says why).
            case QUEUED, RUNNING, INTERRUPTED -> null;
        };
        if (remote != null) {
            rest.post("runs/update", UpdateRun.newBuilder().setRunId(run.runId()).setStatus(remote)
                    .setEndTime(endTime.toEpochMilli()), UpdateRun.Response.newBuilder());
        }
    }

    @Override
    public String runUrl(RemoteRun run) {
        return rest.base() + "/#/experiments/" + run.experimentId() + "/runs/" + run.runId();
    }

    // ---- artifacts (the server's proxied artifact store; pure Java, streamed) ----

    @Override
    public void uploadArtifact(RemoteRun run, String artifactPath, Path file) {
        rest.putFile(artifactRoot(run) + "/" + artifactPath, file);
    }

    /** Lists a directory of the run's artifacts ("" = the root): path → size in bytes (−1 for directories). */
    public Map<String, Long> listArtifacts(RemoteRun run, String directory) {
        String root = artifactRoot(run);
        JsonNode reply = rest.listArtifacts(directory.isEmpty() ? root : root + "/" + directory);
        Map<String, Long> files = new java.util.TreeMap<>();
        for (JsonNode f : reply.path("files")) {
            String path = directory.isEmpty() ? f.path("path").asText() : directory + "/" + f.path("path").asText();
            files.put(path, f.path("is_dir").asBoolean() ? -1L : f.path("file_size").asLong());
        }
        return files;
    }

    /** Downloads one of the run's artifacts to {@code target}. */
    public void downloadArtifact(RemoteRun run, String artifactPath, Path target) {
        rest.download(artifactRoot(run) + "/" + artifactPath, target);
    }

    /**
     * The run's artifact root as a path of the proxied store. A server with {@code --serve-artifacts} gives runs
     * {@code mlflow-artifacts:/<experiment>/<run>/artifacts} (or {@code mlflow-artifacts://host/…}); the proxy
     * serves that path under {@code /api/2.0/mlflow-artifacts/artifacts/}.
     */
    static String artifactRoot(RemoteRun run) {
        String uri = run.artifactUri();
        if (uri == null || !uri.startsWith("mlflow-artifacts:")) {
            throw new MlflowException(0, "ARTIFACTS_NOT_PROXIED", "the run's artifact URI is '" + uri
                    + "': Nodus uploads artifacts only through a server started with --serve-artifacts", null);
        }
        String rest = uri.substring("mlflow-artifacts:".length());
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return rest;
    }

    // ---- model registry ----

    @Override
    public String registerModelVersion(RemoteRun run, ModelRegistration registration) {
        try {
            CreateRegisteredModel.Builder create = CreateRegisteredModel.newBuilder().setName(registration.model())
                    .addTags(RegisteredModelTag.newBuilder().setKey("nodus.model").setValue(registration.model()));
            rest.post("registered-models/create", create, CreateRegisteredModel.Response.newBuilder());
        } catch (MlflowException e) {
            if (!e.is("RESOURCE_ALREADY_EXISTS")) {
                throw e;
            }
        }
        ModelVersion existing = findVersion(run, registration.model(), registration.version());
        if (existing != null) {
            return existing.getVersion();
        }
        CreateModelVersion.Builder version = CreateModelVersion.newBuilder().setName(registration.model())
                .setSource(run.artifactUri() + "/" + registration.artifactPath()).setRunId(run.runId())
                .setDescription(registration.description() == null ? "" : registration.description())
                .addTags(ModelVersionTag.newBuilder().setKey(VERSION_TAG)
                        .setValue(Integer.toString(registration.version())));
        registration.tags().forEach((k, v) -> version.addTags(ModelVersionTag.newBuilder().setKey(k)
                .setValue(cut(v, MAX_TAG_VALUE))));
        return rest.post("model-versions/create", version, CreateModelVersion.Response.newBuilder())
                .getModelVersion().getVersion();
    }

    @Override
    public void setAlias(RemoteRun run, String model, int version, String alias) {
        ModelVersion found = findVersion(run, model, version);
        if (found == null) {
            throw new MlflowException(404, "RESOURCE_DOES_NOT_EXIST", "model " + model + " has no MLflow version "
                    + "registered for Nodus version " + version + " of run " + run.runId(), null);
        }
        rest.post("registered-models/alias", SetRegisteredModelAlias.newBuilder().setName(model).setAlias(alias)
                .setVersion(found.getVersion()), SetRegisteredModelAlias.Response.newBuilder());
    }

    /** The MLflow version registered from this run for Nodus's (model, version), by its nodus.version tag. */
    ModelVersion findVersion(RemoteRun run, String model, int version) {
        String filter = "name = '" + model.replace("'", "\\'") + "' and run_id = '" + run.runId() + "'";
        SearchModelVersions.Response.Builder reply = rest.get("model-versions/search",
                MlflowRest.query("filter", filter) + "&max_results=1000", SearchModelVersions.Response.newBuilder());
        for (ModelVersion v : reply.getModelVersionsList()) {
            for (ModelVersionTag t : v.getTagsList()) {
                if (VERSION_TAG.equals(t.getKey()) && Integer.toString(version).equals(t.getValue())) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
