package nodus.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static nodus.support.AsUser.as;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nodus.base.Hashes;
import nodus.base.security.Role;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunReview;
import nodus.experiment.RunReviewService;
import nodus.experiment.RunService;
import nodus.experiment.SplitPart;
import nodus.experiment.model.ExportedModel;
import nodus.experiment.model.ModelArtifactsProvider;
import nodus.experiment.tracking.SyncState;
import nodus.experiment.tracking.TrackingService;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Export layout, manifest hashes, model card, and the approval workflow's server-side role checks. */
@SpringBootTest
class RegistryServiceTest {

    static Path registryRoot;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path home = FreshDataHome.register(registry);
        registryRoot = home.resolve("model-registry");
        registry.add("nodus.registry.root", registryRoot::toString);
        // MLflow off here even when MLFLOW_TRACKING_URI is set: this test is about the folder and the approvals.
        registry.add("nodus.mlflow.tracking-uri", () -> "");
    }

    /** A stand-in exporter for CLINICAL runs: one small weights file and its preprocessing. */
    @TestConfiguration
    static class ClinicalExporter {
        @Bean
        ModelArtifactsProvider clinicalProvider() {
            return new ModelArtifactsProvider() {
                @Override
                public RunKind kind() {
                    return RunKind.CLINICAL;
                }

                @Override
                public ExportedModel export(Run run, Path modelDir) throws IOException {
                    Path weights = Files.writeString(modelDir.resolve("coefficients.csv"), "age,0.12\nsize,0.8\n");
                    return new ExportedModel("test-coefficients", Map.of("zscore", "train"), List.of(weights));
                }
            };
        }
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    RegistryService registry;
    @Autowired
    TrackingService tracking;
    @Autowired
    RunReviewService reviews;

    private static final ObjectMapper JSON = new ObjectMapper();


    private Run finishedRun(RunKind kind) {
        return as("rita", Role.RESEARCHER, () -> {
            long exp = experiments.create("registry-" + UUID.randomUUID(), null).id();
            Run run = runs.launch(new NewRun(exp, "clinical-lr", kind, "n0-vs-nplus", "wei2023@3", "9f1c2e",
                    "{\"model\":\"lr\",\"c\":0.5}", 11L));
            runs.markRunning(run.id());
            runs.logMetrics(run.id(), 1, Map.of("train_loss", 0.6));
            runs.logMetrics(run.id(), 0, new TreeMap<>(Map.of("test_auc", 0.8125, "test_auc_ci_low", 0.7102,
                    "test_auc_ci_high", 0.9148, "train_auc", 0.88)));
            List<CasePrediction> preds = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                preds.add(CasePrediction.binary("c" + i, i < 6 ? SplitPart.TRAIN : SplitPart.TEST, i % 2,
                        0.1 + i * 0.08));
            }
            runs.savePredictions(run.id(), preds);
            runs.finish(run.id(), "{\"seed\":11}");
            return run;
        });
    }

    @Test
    void exportWithoutWeightsWritesManifestCardAndPredictionsWithHashes() throws IOException {
        Run run = finishedRun(RunKind.FINETUNE);
        RegisteredModel model = as("rita", Role.RESEARCHER, () -> registry.export(run.id(), "aln-resnet"));
        assertThat(model.version()).isEqualTo(1);
        assertThat(model.weightsPresent()).isFalse();
        assertThat(model.state()).isEqualTo(ApprovalState.EXPORTED);
        Path dir = registryRoot.resolve("aln-resnet").resolve("1");
        assertThat(model.directory()).isEqualTo(dir);
        assertThat(dir.resolve("MODEL_CARD.md")).exists();
        for (String f : List.of("manifest.json", "metrics.json", "predictions.csv", "spec.json", "provenance.json")) {
            assertThat(dir.resolve(f)).exists();
        }
        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("format").asText()).isEqualTo("nodus-model-export/1");
        assertThat(manifest.path("cohort").asText()).isEqualTo("wei2023@3");
        assertThat(manifest.path("split_hash").asText()).isEqualTo("9f1c2e");
        assertThat(manifest.path("spec").path("c").asDouble()).isEqualTo(0.5);
        assertThat(manifest.path("seeds").path("run").asLong()).isEqualTo(11);
        assertThat(manifest.path("provenance").path("seed").asLong()).isEqualTo(11);
        assertThat(manifest.path("versions").path("java").asText()).isNotEmpty();
        assertThat(manifest.path("versions").has("djl")).isTrue();
        assertThat(manifest.path("model").path("weights_present").asBoolean()).isFalse();
        assertThat(manifest.path("metrics").path("test_auc").path("ci_low").asDouble()).isEqualTo(0.7102);
        // Every other file is listed with its SHA-256, and the hashes are right.
        List<String> listed = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            listed.add(f.path("path").asText());
            assertThat(Hashes.sha256(dir.resolve(f.path("path").asText()))).isEqualTo(f.path("sha256").asText());
        }
        assertThat(listed).containsExactlyInAnyOrder("MODEL_CARD.md", "metrics.json", "predictions.csv",
                "provenance.json", "spec.json");
        String card = Files.readString(dir.resolve("MODEL_CARD.md"));
        assertThat(card).contains("# Model card: aln-resnet v1", "Weights are absent", "| auc | 0.813 | 0.710 – 0.915 |",
                "| test | 4 | 2 |", "## Fairness, limitations", "TRIPOD+AI");
        assertThat(Files.readString(dir.resolve("predictions.csv"))).startsWith("case_id,part,label,score\n");
        // MLflow is not configured here: nothing is tracked, and the app says where to configure it.
        assertThat(tracking.configured()).isFalse();
        assertThat(tracking.sync(run.id()).state()).isEqualTo(SyncState.NOT_TRACKED);
        assertThat(tracking.describe()).contains("nodus.mlflow.tracking-uri", "MLFLOW_TRACKING_URI");
    }

    @Test
    void exportWithAProviderIncludesTheModelFilesAndVersionsCount() throws IOException {
        Run run = finishedRun(RunKind.CLINICAL);
        RegisteredModel v1 = as("rita", Role.RESEARCHER, () -> registry.export(run.id(), "aln-clinical"));
        RegisteredModel v2 = as("sue", Role.SUPERVISOR, () -> registry.export(run.id(), "aln-clinical"));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.weightsPresent()).isTrue();
        JsonNode manifest = JSON.readTree(v2.directory().resolve("manifest.json").toFile());
        assertThat(manifest.path("model").path("format").asText()).isEqualTo("test-coefficients");
        assertThat(manifest.path("model").path("files").get(0).asText()).isEqualTo("model/coefficients.csv");
        assertThat(manifest.path("model").path("preprocessing").path("zscore").asText()).isEqualTo("train");
        JsonNode weights = null;
        for (JsonNode f : manifest.path("files")) {
            if (f.path("path").asText().equals("model/coefficients.csv")) {
                weights = f;
            }
        }
        assertThat(weights).isNotNull();
        assertThat(weights.path("sha256").asText()).isEqualTo(Hashes.sha256("age,0.12\nsize,0.8\n"));
    }

    @Test
    void onlyFinishedRunsExportAndNamesAreChecked() {
        Run queued = as("rita", Role.RESEARCHER, () -> {
            long exp = experiments.create("unfinished-" + UUID.randomUUID(), null).id();
            return runs.launch(new NewRun(exp, "x", RunKind.RADIOMICS, "t", "c@1", "h", "{}", 1L));
        });
        assertThatThrownBy(() -> as("rita", Role.RESEARCHER, () -> registry.export(queued.id(), "m")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only finished runs export");
        Run run = finishedRun(RunKind.RADIOMICS);
        assertThatThrownBy(() -> as("rita", Role.RESEARCHER, () -> registry.export(run.id(), "../evil")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> as("adam", Role.ADMIN, () -> registry.export(run.id(), "m")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void researcherProposesOnlySupervisorApprovesAndChampionNeedsApproval() throws IOException {
        Run run = finishedRun(RunKind.RADIOMICS);
        RegisteredModel model = as("rita", Role.RESEARCHER, () -> registry.export(run.id(), "aln-radiomics"));
        long id = model.id();

        // Nobody moves the champion alias to an unapproved version, not even a supervisor.
        assertThatThrownBy(() -> as("sue", Role.SUPERVISOR, () -> registry.makeChampion(id)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("approval");
        // Roles are checked in the service: a supervisor cannot propose, a researcher cannot approve or reject.
        assertThatThrownBy(() -> as("sue", Role.SUPERVISOR, () -> registry.propose(id, "mine")))
                .isInstanceOf(AccessDeniedException.class);
        as("rita", Role.RESEARCHER, () -> registry.propose(id, "best validation AUC"));
        assertThatThrownBy(() -> as("rita", Role.RESEARCHER, () -> registry.approve(id, "self-approval")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("rita", Role.RESEARCHER, () -> registry.makeChampion(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("adam", Role.ADMIN, () -> registry.approve(id, "admin")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("sue", Role.SUPERVISOR, () -> registry.approve(id, " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comment");

        RegisteredModel approved = as("sue", Role.SUPERVISOR, () -> registry.approve(id, "checked calibration"));
        assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(approved.proposedBy()).isEqualTo("rita");
        assertThat(approved.proposalComment()).isEqualTo("best validation AUC");
        assertThat(approved.reviewedBy()).isEqualTo("sue");
        assertThat(approved.reviewedAt()).isNotNull();
        assertThat(approved.reviewComment()).isEqualTo("checked calibration");
        assertThat(approved.champion()).isTrue();
        assertThat(JSON.readTree(registryRoot.resolve("aln-radiomics/ALIASES.json").toFile()).path("champion")
                .asInt()).isEqualTo(1);
        JsonNode approval = JSON.readTree(approved.directory().resolve("APPROVAL.json").toFile());
        assertThat(approval.path("reviewed_by").asText()).isEqualTo("sue");
        assertThat(approval.path("state").asText()).isEqualTo("APPROVED");

        // The approval is the run's: its review history shows the proposal and the supervisor's APPROVE.
        assertThat(reviews.history(run.id())).extracting(RunReview::action, RunReview::reviewer).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RunReview.Action.COMMENT, "rita"),
                org.assertj.core.groups.Tuple.tuple(RunReview.Action.APPROVE, "sue"));
        assertThat(reviews.history(run.id()).get(0).comment()).contains("aln-radiomics v1", "best validation AUC");
        assertThat(reviews.decision(run.id()).orElseThrow().comment()).isEqualTo("checked calibration");

        // A second version from a retrained run: proposed and rejected; the champion stays on version 1.
        Run retrained = finishedRun(RunKind.RADIOMICS);
        RegisteredModel v2 = as("rita", Role.RESEARCHER, () -> registry.export(retrained.id(), "aln-radiomics"));
        as("rita", Role.RESEARCHER, () -> registry.propose(v2.id(), "retrained"));
        RegisteredModel rejected = as("sue", Role.SUPERVISOR, () -> registry.reject(v2.id(), "worse on test"));
        assertThat(rejected.state()).isEqualTo(ApprovalState.REJECTED);
        assertThat(rejected.champion()).isFalse();
        assertThatThrownBy(() -> as("sue", Role.SUPERVISOR, () -> registry.makeChampion(v2.id())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(registry.find(id).orElseThrow().champion()).isTrue();
        assertThat(registry.find(id).orElseThrow().state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(reviews.decision(retrained.id()).orElseThrow().action()).isEqualTo(RunReview.Action.REJECT);
    }

    @Test
    void aRunApprovedInItsReviewHistoryIsTheApprovalThatLetsTheChampionMove() {
        Run run = finishedRun(RunKind.RADIOMICS);
        RegisteredModel model = as("rita", Role.RESEARCHER, () -> registry.export(run.id(), "aln-history"));
        // Server-side role checks on the one record: a researcher cannot approve or reject a run.
        assertThatThrownBy(() -> as("rita", Role.RESEARCHER, () -> reviews.approve(run.id(), "mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("rita", Role.RESEARCHER, () -> reviews.reject(run.id(), "mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("adam", Role.ADMIN, () -> reviews.approve(run.id(), "admin")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(registry.find(model.id()).orElseThrow().state()).isEqualTo(ApprovalState.EXPORTED);

        // A supervisor approves the run in its review history: the registry shows that approval …
        as("sue", Role.SUPERVISOR, () -> reviews.approve(run.id(), "reviewed the run"));
        RegisteredModel approved = registry.find(model.id()).orElseThrow();
        assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(approved.reviewedBy()).isEqualTo("sue");
        assertThat(approved.reviewComment()).isEqualTo("reviewed the run");
        assertThat(registry.list()).filteredOn(m -> m.id() == model.id()).extracting(RegisteredModel::state)
                .containsExactly(ApprovalState.APPROVED);
        // … and it is what lets a supervisor (only) move the champion alias to the version.
        assertThatThrownBy(() -> as("rita", Role.RESEARCHER, () -> registry.makeChampion(model.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("sue", Role.SUPERVISOR, () -> registry.makeChampion(model.id())).champion()).isTrue();

        // A later rejection of the run withdraws the approval: the alias cannot be moved to it again.
        as("sue", Role.SUPERVISOR, () -> reviews.reject(run.id(), "leak found in the cohort"));
        assertThat(registry.find(model.id()).orElseThrow().state()).isEqualTo(ApprovalState.REJECTED);
        assertThatThrownBy(() -> as("sue", Role.SUPERVISOR, () -> registry.makeChampion(model.id())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("approval of run " + run.id());
        // Proposed again after the rejection: PROPOSED until a supervisor decides again.
        as("rita", Role.RESEARCHER, () -> registry.propose(model.id(), "fixed the cohort"));
        assertThat(registry.find(model.id()).orElseThrow().state()).isEqualTo(ApprovalState.PROPOSED);
    }
}
