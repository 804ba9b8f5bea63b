package nodus.integration.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nodus.base.security.Role;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.MetricPoint;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.SplitPart;
import nodus.experiment.figures.RunFigures;
import nodus.experiment.tracking.OutboxDelivery;
import nodus.experiment.tracking.PredictionsCsv;
import nodus.experiment.tracking.RunSync;
import nodus.experiment.tracking.SyncState;
import nodus.experiment.tracking.TrackingBackend;
import nodus.experiment.tracking.TrackingBackend.RemoteRun;
import nodus.experiment.tracking.TrackingService;
import nodus.support.FreshDataHome;
import nodus.support.MlflowServer;
import nodus.registry.RegisteredModel;
import nodus.registry.RegistryService;
import nodus.support.TcpProxy;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.api.proto.ModelRegistry.RegisteredModelAlias;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Nodus runs mirrored to a real MLflow server (MLFLOW_TRACKING_URI; .ci/run starts one) through a TCP proxy that
 * the tests stop and start. What MLflow holds is read back with the official Java client and the REST artifact
 * API, never with the Python CLI.
 */
@Tag("mlflow")
@SpringBootTest
@WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
class MlflowTrackingTest {

    static TcpProxy proxy;
    static MlflowClient mlflow;

    @BeforeAll
    static void startProxy() {
        String uri = MlflowServer.trackingUri();
        proxy = TcpProxy.forUrl(uri).start();
        mlflow = new MlflowClient(uri);
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
        if (mlflow != null) {
            mlflow.close();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
        registry.add("nodus.mlflow.tracking-uri", () -> proxy.url());
        registry.add("nodus.tracking.retry-initial", () -> "PT0.1S");
        registry.add("nodus.tracking.retry-max", () -> "PT0.5S");
        registry.add("nodus.tracking.poll", () -> "PT0.2S");
        registry.add("nodus.registry.root", () -> REGISTRY_ROOT.toString());
    }

    static final Path REGISTRY_ROOT = tempDir();

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("nodus-registry");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    TrackingService tracking;
    @Autowired
    OutboxDelivery delivery;
    @Autowired
    TrackingBackend backend;
    @Autowired
    RegistryService registry;

    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Run launch(String spec) {
        long exp = experiments.create("mlflow-" + UUID.randomUUID(), null).id();
        return runs.launch(new NewRun(exp, "resnet50-finetune", RunKind.FINETUNE, "n0-vs-nplus", "wei2023@3",
                "9f1c2e", spec, 42L));
    }

    private RunSync awaitState(long runId, Predicate<RunSync> condition, String what) {
        // generous: a run's delivery includes 18 rendered figures and the shared test machine is often loaded
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        RunSync sync = tracking.sync(runId);
        while (!condition.test(sync)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run " + runId + " never became " + what + "; last: " + sync);
            }
            sleep(100);
            sync = tracking.sync(runId);
        }
        return sync;
    }

    private RunSync awaitSynced(long runId) {
        return awaitState(runId, s -> s.state() == SyncState.SYNCED, "SYNCED");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private MlflowTrackingBackend mlflowBackend() {
        return (MlflowTrackingBackend) backend;
    }

    private RemoteRun remote(RunSync sync) {
        org.mlflow.api.proto.Service.Run run = mlflow.getRun(sync.remoteRunId());
        return new RemoteRun(run.getInfo().getExperimentId(), run.getInfo().getRunId(), run.getInfo().getArtifactUri());
    }

    /** The MLflow runs carrying this Nodus run's key (must be exactly one). */
    private List<String> mlflowRunsOf(RunSync sync) {
        org.mlflow.api.proto.Service.Run run = mlflow.getRun(sync.remoteRunId());
        String key = run.getData().getTagsList().stream().filter(t -> t.getKey().equals("nodus.run_key"))
                .findFirst().orElseThrow().getValue();
        return mlflow.searchRuns(List.of(run.getInfo().getExperimentId()), "tags.`nodus.run_key` = '" + key + "'")
                .stream().map(org.mlflow.api.proto.Service.RunInfo::getRunId).toList();
    }

    private static List<CasePrediction> predictions() {
        List<CasePrediction> list = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            SplitPart part = i < 40 ? SplitPart.TRAIN : i < 50 ? SplitPart.VALIDATION : SplitPart.TEST;
            list.add(CasePrediction.binary(String.format("case-%03d", i), part, random.nextInt(2),
                    random.nextDouble()));
        }
        return list;
    }

    @Test
    void finishedRunAppearsWithParamsTagsMetricHistoryStatusAndArtifacts() throws Exception {
        String spec = "{\"backbone\":{\"name\":\"resnet50\",\"pretrained\":true},\"epochs\":5,"
                + "\"lr\":1.0E-4,\"augment\":[\"flip\",\"rotate\"],\"seed\":42}";
        Run run = launch(spec);
        runs.markRunning(run.id());
        Map<String, List<Double>> history = new TreeMap<>();
        for (int epoch = 1; epoch <= 5; epoch++) {
            double loss = 0.7 / epoch;
            double auc = 0.6 + 0.04 * epoch;
            runs.logMetrics(run.id(), epoch, new TreeMap<>(Map.of("train_loss", loss, "val_auc", auc)));
            history.computeIfAbsent("train_loss", k -> new ArrayList<>()).add(loss);
            history.computeIfAbsent("val_auc", k -> new ArrayList<>()).add(auc);
        }
        runs.logMetrics(run.id(), 0, new TreeMap<>(Map.of("test_auc", 0.8125, "test_auc_ci_low", 0.71,
                "test_auc_ci_high", 0.90)));
        List<CasePrediction> predictions = predictions();
        runs.savePredictions(run.id(), predictions);
        String provenance = "{\"seed\":42,\"nodus\":\"dev\",\"cohort\":\"wei2023@3\",\"split\":\"9f1c2e\"}";
        runs.finish(run.id(), provenance);
        // Any further file (figures, model files) goes through the same outbox: a 3 MB binary file, streamed.
        Path big = tmp.resolve("weights.bin");
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(bytes);
        Files.write(big, bytes);
        tracking.recordArtifact(run.id(), "model/weights.bin", big);

        RunSync sync = awaitSynced(run.id());
        assertThat(sync.url()).startsWith(proxy.url() + "/#/experiments/").endsWith("/runs/" + sync.remoteRunId());
        assertThat(sync.pendingEntries()).isZero();

        org.mlflow.api.proto.Service.Run remote = mlflow.getRun(sync.remoteRunId());
        assertThat(remote.getInfo().getStatus().name()).isEqualTo("FINISHED");
        assertThat(remote.getInfo().getEndTime())
                .isEqualTo(runs.find(run.id()).orElseThrow().finishedAt().toEpochMilli());
        Map<String, String> params = remote.getData().getParamsList().stream()
                .collect(Collectors.toMap(Param::getKey, Param::getValue));
        assertThat(params).containsExactlyInAnyOrderEntriesOf(Map.of("backbone.name", "resnet50",
                "backbone.pretrained", "true", "epochs", "5", "lr", "1.0E-4", "augment.0", "flip",
                "augment.1", "rotate", "seed", "42"));
        Map<String, String> tags = remote.getData().getTagsList().stream()
                .collect(Collectors.toMap(RunTag::getKey, RunTag::getValue));
        assertThat(tags).containsEntry("mlflow.runName", "resnet50-finetune").containsEntry("mlflow.user", "rita")
                .containsEntry("nodus.cohort", "wei2023@3").containsEntry("nodus.split_hash", "9f1c2e")
                .containsEntry("nodus.task", "n0-vs-nplus").containsEntry("nodus.kind", "FINETUNE")
                .containsEntry("nodus.run_id", Long.toString(run.id())).containsEntry("nodus.status", "FINISHED")
                .containsKey("nodus.run_key");
        // Full metric history with steps and Nodus's own timestamps.
        Map<String, Instant> recorded = runs.metrics(run.id()).stream()
                .collect(Collectors.toMap(p -> p.key() + "@" + p.step(), MetricPoint::recordedAt));
        for (var e : history.entrySet()) {
            List<Metric> h = mlflow.getMetricHistory(sync.remoteRunId(), e.getKey());
            assertThat(h).extracting(Metric::getStep).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
            for (Metric m : h) {
                assertThat(m.getValue()).isEqualTo(e.getValue().get((int) m.getStep() - 1));
                assertThat(m.getTimestamp()).isEqualTo(recorded.get(e.getKey() + "@" + m.getStep()).toEpochMilli());
            }
        }
        Map<String, Double> finals = remote.getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, Metric::getValue));
        assertThat(finals).containsEntry("test_auc", 0.8125).containsEntry("test_auc_ci_low", 0.71)
                .containsEntry("test_auc_ci_high", 0.90).containsEntry("val_auc", 0.8);

        // Artifacts: listed and downloaded back byte-identical through the REST artifact API.
        RemoteRun r = remote(sync);
        assertThat(mlflowBackend().listArtifacts(r, "")).containsKeys("spec.json", "predictions.csv",
                "provenance.json", "model", "figures");
        assertThat(mlflowBackend().listArtifacts(r, "model")).containsEntry("model/weights.bin", (long) bytes.length);
        StringBuilder csv = new StringBuilder(PredictionsCsv.header(predictions));
        runs.predictions(run.id()).forEach(p -> csv.append(PredictionsCsv.row(p)));
        Map<String, byte[]> expected = new LinkedHashMap<>();
        expected.put("spec.json", spec.getBytes(StandardCharsets.UTF_8));
        expected.put("provenance.json", provenance.getBytes(StandardCharsets.UTF_8));
        expected.put("predictions.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        expected.put("model/weights.bin", bytes);
        // ROC, DCA and calibration figures of every part, SVG and PNG, rendered server-side from the predictions
        Map<String, byte[]> figures = RunFigures.render(runs.predictions(run.id()));
        assertThat(figures).containsKeys("roc_test.svg", "roc_test.png", "dca_test.svg", "dca_test.png",
                "calibration_test.svg", "calibration_test.png", "roc_train.png", "roc_val.svg");
        Map<String, Long> listedFigures = mlflowBackend().listArtifacts(r, "figures");
        for (var f : figures.entrySet()) {
            assertThat(listedFigures).containsEntry("figures/" + f.getKey(), (long) f.getValue().length);
            expected.put("figures/" + f.getKey(), f.getValue());
        }
        for (var e : expected.entrySet()) {
            Path back = tmp.resolve("back-" + e.getKey().replace('/', '_'));
            mlflowBackend().downloadArtifact(r, e.getKey(), back);
            assertThat(Files.readAllBytes(back)).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(new String(expected.get("predictions.csv"), StandardCharsets.UTF_8))
                .startsWith("case_id,part,label,score\ncase-050,TEST,").contains("\ncase-000,TRAIN,");
        assertThat(mlflowRunsOf(sync)).containsExactly(sync.remoteRunId());
    }

    @Test
    void twoThousandFiveHundredPointsAndTwoHundredFiftyParamsGoInRequestsWithinTheServerLimits() {
        List<SentRequest> batches = new CopyOnWriteArrayList<>();
        mlflowBackend().observe(req -> {
            if (req.path().endsWith("/runs/log-batch") && req.status() == 200) {
                batches.add(req);
            }
        });
        Map<String, Object> specMap = new TreeMap<>();
        for (int i = 0; i < 250; i++) {
            specMap.put(String.format("feature_%03d", i), i * 0.5);
        }
        String spec = json(specMap);
        Run run = launch(spec);
        runs.markRunning(run.id());
        List<MetricPoint> points = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int step = 0; step < 250; step++) {
            for (int k = 0; k < 10; k++) {
                points.add(new MetricPoint("m" + k, step, step + k / 10.0, t0.plusMillis(step * 10L + k)));
            }
        }
        runs.logMetrics(run.id(), points);
        runs.finish(run.id(), "{}");
        RunSync sync = awaitSynced(run.id());

        List<JsonNode> mine = batches.stream().map(b -> read(b.body()))
                .filter(b -> b.path("run_id").asText().equals(sync.remoteRunId())).toList();
        int metrics = 0;
        int params = 0;
        for (int i = 0; i < mine.size(); i++) {
            JsonNode b = mine.get(i);
            int m = b.path("metrics").size();
            int p = b.path("params").size();
            int t = b.path("tags").size();
            assertThat(m).as("metrics in request %d", i).isLessThanOrEqualTo(1000);
            assertThat(p).as("params in request %d", i).isLessThanOrEqualTo(100);
            assertThat(t).as("tags in request %d", i).isLessThanOrEqualTo(100);
            assertThat(m + p + t).as("entities in request %d", i).isLessThanOrEqualTo(1000);
            metrics += m;
            params += p;
        }
        for (SentRequest b : batches) {
            assertThat(b.bodyBytes()).isLessThanOrEqualTo(1_000_000);
        }
        assertThat(metrics).isEqualTo(2500);
        assertThat(params).isEqualTo(250);
        // 250 params → 100 + 100 + 50; 2,500 points → 1000 + 1000 + 500; one tag batch for the final status.
        assertThat(mine).hasSize(7);

        org.mlflow.api.proto.Service.Run remote = mlflow.getRun(sync.remoteRunId());
        assertThat(remote.getData().getParamsList()).hasSize(250);
        for (int k = 0; k < 10; k++) {
            assertThat(mlflow.getMetricHistory(sync.remoteRunId(), "m" + k)).hasSize(250);
        }
    }

    @Test
    void serverUnreachableMidRunThenRecoveredHoldsExactlyOneCopyOfEveryMetric() {
        Run run = launch("{\"model\":\"lasso\",\"alpha\":0.01}");
        runs.markRunning(run.id());
        for (int epoch = 1; epoch <= 3; epoch++) {
            runs.logMetrics(run.id(), epoch, Map.of("train_loss", 1.0 / epoch));
        }
        RunSync first = awaitSynced(run.id());

        proxy.stop();
        try {
            for (int epoch = 4; epoch <= 8; epoch++) {
                runs.logMetrics(run.id(), epoch, Map.of("train_loss", 1.0 / epoch));
            }
            runs.savePredictions(run.id(), predictions());
            runs.finish(run.id(), "{\"seed\":1}");
            // Nodus finished the run on its own; the mirror is failing and says why.
            assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
            RunSync failing = awaitState(run.id(), s -> s.state() == SyncState.FAILING && s.attempts() >= 2,
                    "FAILING (retried)");
            assertThat(failing.lastError()).contains("unreachable");
            assertThat(failing.pendingEntries()).isGreaterThan(0);
        } finally {
            proxy.start();
        }
        RunSync sync = awaitSynced(run.id());
        assertThat(sync.remoteRunId()).isEqualTo(first.remoteRunId());
        List<Metric> history = mlflow.getMetricHistory(sync.remoteRunId(), "train_loss");
        assertThat(history).extracting(Metric::getStep).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(mlflow.getRun(sync.remoteRunId()).getInfo().getStatus().name()).isEqualTo("FINISHED");
        assertThat(mlflowRunsOf(sync)).containsExactly(sync.remoteRunId());
    }

    @Test
    void lostRepliesAreRepeatedWithoutDuplicateRunsOrMetrics() {
        // The server does the work but the reply never arrives: run creation and metric batches are retried.
        proxy.dropReplies(true);
        Run run;
        try {
            run = launch("{\"model\":\"svm\",\"c\":1.0}");
            runs.markRunning(run.id());
            for (int epoch = 1; epoch <= 4; epoch++) {
                runs.logMetrics(run.id(), epoch, Map.of("val_auc", 0.5 + epoch / 10.0));
            }
            runs.finish(run.id(), "{}");
            awaitState(run.id(), s -> s.state() == SyncState.FAILING && s.attempts() >= 3, "FAILING (retried)");
        } finally {
            proxy.dropReplies(false);
        }
        RunSync sync = awaitSynced(run.id());
        assertThat(mlflowRunsOf(sync)).containsExactly(sync.remoteRunId());
        assertThat(mlflow.getMetricHistory(sync.remoteRunId(), "val_auc")).extracting(Metric::getStep)
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    @Test
    void aRestartedProcessResumesDelivery() {
        delivery.stop();
        Run run;
        try {
            run = launch("{\"model\":\"clinical\"}");
            runs.markRunning(run.id());
            for (int epoch = 1; epoch <= 3; epoch++) {
                runs.logMetrics(run.id(), epoch, Map.of("train_loss", 2.0 / epoch));
            }
            runs.finish(run.id(), "{\"seed\":3}");
            sleep(500);
            RunSync pending = tracking.sync(run.id());
            assertThat(pending.state()).isEqualTo(SyncState.PENDING);
            assertThat(pending.remoteRunId()).isNull();
            assertThat(pending.pendingEntries()).isEqualTo(6);

            // A new process: a new delivery and a new MLflow backend (no memory), the same database.
            OutboxDelivery restarted = delivery.restartedWith(MlflowTrackingBackend.connect(proxy.url()));
            assertThat(restarted.deliverDue()).isEqualTo(6);
        } finally {
            delivery.start();
        }
        RunSync sync = tracking.sync(run.id());
        assertThat(sync.state()).isEqualTo(SyncState.SYNCED);
        assertThat(mlflow.getMetricHistory(sync.remoteRunId(), "train_loss")).hasSize(3);
        assertThat(mlflow.getRun(sync.remoteRunId()).getInfo().getStatus().name()).isEqualTo("FINISHED");
    }

    @Test
    void anApprovedExportIsARegisteredModelVersionCarryingTheChampionAlias() throws Exception {
        Run run = launch("{\"model\":\"combined-svm\",\"c\":2.0}");
        runs.markRunning(run.id());
        runs.logMetrics(run.id(), 0, new TreeMap<>(Map.of("test_auc", 0.84, "test_auc_ci_low", 0.75,
                "test_auc_ci_high", 0.93)));
        runs.savePredictions(run.id(), predictions());
        runs.finish(run.id(), "{\"seed\":5}");
        String name = "aln-combined-" + UUID.randomUUID().toString().substring(0, 8);
        RegisteredModel model = registry.export(run.id(), name);
        registry.propose(model.id(), "best test AUC");
        var researcher = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("sue", "x", "ROLE_" + Role.SUPERVISOR_NAME));
        try {
            registry.approve(model.id(), "calibration checked, external validation pending");
        } finally {
            SecurityContextHolder.getContext().setAuthentication(researcher);
        }
        RunSync sync = awaitSynced(run.id());
        RemoteRun r = remote(sync);

        var registered = mlflow.getRegisteredModel(name);
        assertThat(registered.getAliasesList()).extracting(RegisteredModelAlias::getAlias,
                RegisteredModelAlias::getVersion).containsExactly(org.assertj.core.groups.Tuple.tuple("champion", "1"));
        ModelVersion version = mlflow.getModelVersion(name, "1");
        assertThat(version.getRunId()).isEqualTo(sync.remoteRunId());
        assertThat(version.getSource()).isEqualTo(r.artifactUri() + "/registry/" + name + "/1");
        assertThat(version.getDescription()).contains("Test AUC 0.840 (95% CI 0.750–0.930)", "Weights absent");
        assertThat(version.getTagsList().stream().collect(Collectors.toMap(ModelVersionTag::getKey,
                ModelVersionTag::getValue))).containsEntry("nodus.version", "1").containsEntry("nodus.weights", "absent")
                .containsEntry("nodus.run_id", Long.toString(run.id()));
        // The export folder is the version's source, file for file.
        Map<String, Long> listed = mlflowBackend().listArtifacts(r, "registry/" + name + "/1");
        assertThat(listed.keySet()).extracting(k -> k.substring(k.lastIndexOf('/') + 1)).containsExactlyInAnyOrder(
                "manifest.json", "MODEL_CARD.md", "metrics.json", "predictions.csv", "provenance.json", "spec.json");
        for (String f : List.of("manifest.json", "MODEL_CARD.md", "predictions.csv")) {
            Path back = tmp.resolve("reg-" + f);
            mlflowBackend().downloadArtifact(r, "registry/" + name + "/1/" + f, back);
            assertThat(Files.readAllBytes(back)).isEqualTo(Files.readAllBytes(model.directory().resolve(f)));
        }
        // Delivering the registration again (a lost reply) does not make a second version.
        assertThat(backend.registerModelVersion(r, new TrackingBackend.ModelRegistration(name, 1,
                "registry/" + name + "/1", "again", Map.of()))).isEqualTo("1");
        assertThat(mlflow.searchModelVersions("name = '" + name + "'").getItems()).hasSize(1);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
