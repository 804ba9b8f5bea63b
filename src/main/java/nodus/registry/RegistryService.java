package nodus.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunReview;
import nodus.experiment.RunReviewService;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.model.ModelArtifactsProvider;
import nodus.experiment.tracking.TrackingBackend.ModelRegistration;
import nodus.experiment.tracking.TrackingService;
import nodus.registry.ModelCard.ManifestFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model registry: "export to registry" of a finished run writes {@code <root>/<name>/<version>/} (root =
 * {@code nodus.registry.root}, default {@code ./model-registry}) and, when MLflow is configured, uploads the
 * folder as the run's {@code registry/<name>/<version>/} artifacts and registers it as a version of the MLflow registered model —
 * both through the tracking outbox, so nothing is lost while MLflow is down.
 *
 * <p>Approval: a researcher proposes a version (recorded here and as a comment in the run's review history); only a
 * supervisor approves or rejects — checked here and in {@link RunReviewService}, server side. There is ONE record
 * of approvals: the run's review history ({@link RunReviewService}, table {@code run_review}). Approving a version
 * here records the supervisor's APPROVE of its run there, and a run approved in the run history makes its exported
 * versions approved here; a version's state, reviewer, time and comment are read from the run's latest decision.
 * The {@code champion} alias moves only to a version whose run's latest decision is APPROVE.
 */
@Service
public class RegistryService {

    public static final String CHAMPION = "champion";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RegistryRepository models;
    private final RunService runs;
    private final ExperimentService experiments;
    private final TrackingService tracking;
    private final CurrentUser currentUser;
    private final RunReviewService reviews;
    private final Map<RunKind, ModelArtifactsProvider> providers = new EnumMap<>(RunKind.class);
    private final Path root;

    RegistryService(RegistryRepository models, RunService runs, ExperimentService experiments,
                    TrackingService tracking, CurrentUser currentUser, RunReviewService reviews,
                    List<ModelArtifactsProvider> providers,
                    @Value("${nodus.registry.root:./model-registry}") String root) {
        this.models = models;
        this.runs = runs;
        this.experiments = experiments;
        this.tracking = tracking;
        this.currentUser = currentUser;
        this.reviews = reviews;
        // In order: a later bean for the same kind (e.g. a test's stand-in without @Order) replaces an earlier one.
        for (ModelArtifactsProvider p : providers) {
            this.providers.put(p.kind(), p);
        }
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    @PermitAll
    public Path root() {
        return root;
    }

    @PermitAll
    public List<RegisteredModel> list() {
        Map<Long, RunReview> decisions = reviews.decisions();
        return models.findAll().stream().map(m -> withDecision(m, decisions.get(m.runId()))).toList();
    }

    @PermitAll
    public Optional<RegisteredModel> find(long id) {
        return models.findById(id).map(m -> withDecision(m, reviews.decision(m.runId()).orElse(null)));
    }

    /**
     * The version as the one approval record says: the run's latest APPROVE / REJECT decides the state and names
     * the reviewer; without a decision the version is EXPORTED or PROPOSED as stored here. (Rows approved before the
     * record was unified keep their stored review when the run has no decision.)
     */
    private static RegisteredModel withDecision(RegisteredModel m, RunReview decision) {
        if (decision == null || (m.proposedAt() != null && decision.createdAt().isBefore(m.proposedAt()))) {
            // no decision yet, or one older than a new proposal (e.g. re-proposed after a rejection)
            return m;
        }
        ApprovalState state = decision.action() == RunReview.Action.APPROVE ? ApprovalState.APPROVED
                : ApprovalState.REJECTED;
        return new RegisteredModel(m.id(), m.name(), m.version(), m.runId(), m.directory(), m.weightsPresent(), state,
                m.exportedBy(), m.exportedAt(), m.proposedBy(), m.proposedAt(), m.proposalComment(),
                decision.reviewer(), decision.createdAt(), decision.comment(), m.champion());
    }

    /** Whether runs of {@code kind} export weights (a provider exists) or only manifest, card and predictions. */
    @PermitAll
    public boolean exportsWeights(RunKind kind) {
        return providers.containsKey(kind);
    }

    /** Exports a finished run as the next version of {@code modelName}. */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.SUPERVISOR_NAME})
    @Transactional
    public RegisteredModel export(long runId, String modelName) {
        String name = modelName == null ? "" : modelName.trim();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}")) {
            throw new IllegalArgumentException("model name must be 1–100 letters, digits, '_', '.' or '-' "
                    + "(starting with a letter or digit), got '" + modelName + "'");
        }
        Run run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
        if (run.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("run " + runId + " is " + run.status() + "; only finished runs export");
        }
        int version = models.nextVersion(name);
        Path modelRoot = root.resolve(name);
        Path dir = modelRoot.resolve(Integer.toString(version));
        if (Files.exists(dir)) {
            throw new IllegalStateException(dir + " already exists; the registry folder and database disagree");
        }
        ExportInput input = new ExportInput(name, version, run,
                experiments.find(run.experimentId()).map(Experiment::name).orElse("?"),
                runs.spec(runId).orElse(null), runs.provenance(runId).orElse(null), runs.seed(runId).orElse(null),
                runs.predictions(runId), FinalMetrics.of(runs.metrics(runId)), currentUser.name(), Instant.now());
        ModelArtifactsProvider provider = providers.get(run.kind());
        Path staging = modelRoot.resolve(".staging-" + UUID.randomUUID());
        List<ManifestFile> files;
        try {
            files = ModelExporter.write(input, provider, staging);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new UncheckedIOException("cannot write the export to " + dir, e);
        }
        try {
            boolean weights = Files.isDirectory(dir.resolve("model"));
            long id = models.insert(name, version, runId, dir, weights, currentUser.name());
            // MLflow (when configured): the folder becomes the run's model/ artifacts, then a model version.
            String artifacts = artifactPath(name, version);
            for (ManifestFile f : files) {
                tracking.recordArtifact(runId, artifacts + "/" + f.path(), dir.resolve(f.path()));
            }
            tracking.recordArtifact(runId, artifacts + "/manifest.json", dir.resolve("manifest.json"));
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("nodus.run_id", Long.toString(runId));
            tags.put("nodus.kind", run.kind().name());
            if (run.cohortRef() != null) {
                tags.put("nodus.cohort", run.cohortRef());
            }
            if (run.splitHash() != null) {
                tags.put("nodus.split_hash", run.splitHash());
            }
            tags.put("nodus.weights", weights ? "present" : "absent");
            tracking.recordModelRegistration(runId, new ModelRegistration(name, version, artifacts,
                    description(input, weights), tags));
            return models.findById(id).orElseThrow();
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    @RolesAllowed(Role.RESEARCHER_NAME)
    @Transactional
    public RegisteredModel propose(long id, String comment) {
        RegisteredModel model = require(id);
        if (model.state() != ApprovalState.EXPORTED && model.state() != ApprovalState.REJECTED) {
            throw new IllegalStateException(label(model) + " is " + model.state() + " and cannot be proposed");
        }
        models.propose(id, currentUser.name(), comment);
        // the run's history shows the proposal next to the supervisor's decision
        reviews.comment(model.runId(), "Proposed for the registry as " + label(model)
                + (comment == null || comment.isBlank() ? "" : ": " + comment.trim()));
        return require(id);
    }

    /**
     * A supervisor approves a proposed version (comment required): recorded as the APPROVE of its run in the run's
     * review history, and the version becomes the champion.
     */
    @RolesAllowed(Role.SUPERVISOR_NAME)
    @Transactional
    public RegisteredModel approve(long id, String comment) {
        RegisteredModel model = review(id, ApprovalState.APPROVED, comment);
        moveChampion(model);
        return require(id);
    }

    @RolesAllowed(Role.SUPERVISOR_NAME)
    @Transactional
    public RegisteredModel reject(long id, String comment) {
        review(id, ApprovalState.REJECTED, comment);
        return require(id);
    }

    /** Moves the champion alias back to an earlier approved version; unapproved versions are refused. */
    @RolesAllowed(Role.SUPERVISOR_NAME)
    @Transactional
    public RegisteredModel makeChampion(long id) {
        RegisteredModel model = require(id);
        moveChampion(model);
        return require(id);
    }

    private RegisteredModel review(long id, ApprovalState state, String comment) {
        RegisteredModel model = require(id);
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a review needs a comment");
        }
        if (model.state() != ApprovalState.PROPOSED) {
            throw new IllegalStateException(label(model) + " is " + model.state() + "; only proposed versions "
                    + "can be reviewed here (a supervisor can also decide on the run in its review history)");
        }
        // the one record: the run's review history (RunReviewService checks the SUPERVISOR role again)
        if (state == ApprovalState.APPROVED) {
            reviews.approve(model.runId(), comment.trim());
        } else {
            reviews.reject(model.runId(), comment.trim());
        }
        RegisteredModel reviewed = require(id);
        writeJson(reviewed.directory().resolve("APPROVAL.json"), approvalJson(reviewed));
        return reviewed;
    }

    private void moveChampion(RegisteredModel model) {
        RegisteredModel current = require(model.id());
        if (current.state() != ApprovalState.APPROVED) {
            throw new IllegalStateException("the " + CHAMPION + " alias needs a supervisor's approval of run "
                    + current.runId() + "; " + label(current) + " is " + current.state());
        }
        writeJson(current.directory().resolve("APPROVAL.json"), approvalJson(current));
        models.makeChampion(current.id(), current.name());
        Map<String, Object> aliases = new LinkedHashMap<>();
        aliases.put(CHAMPION, current.version());
        writeJson(root.resolve(current.name()).resolve("ALIASES.json"), aliases);
        tracking.recordAlias(current.runId(), current.name(), current.version(), CHAMPION);
    }

    private static Map<String, Object> approvalJson(RegisteredModel m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", m.state().name());
        json.put("run_id", m.runId());
        json.put("record", "the run's review history (run_review): the supervisor's latest decision on run "
                + m.runId());
        json.put("proposed_by", m.proposedBy());
        json.put("proposed_at", String.valueOf(m.proposedAt()));
        json.put("proposal_comment", m.proposalComment());
        json.put("reviewed_by", m.reviewedBy());
        json.put("reviewed_at", String.valueOf(m.reviewedAt()));
        json.put("review_comment", m.reviewComment());
        return json;
    }

    private static String description(ExportInput in, boolean weights) {
        StringBuilder sb = new StringBuilder("Nodus ").append(in.run().kind()).append(" model from run '")
                .append(in.run().name()).append("' (experiment '").append(in.experimentName()).append("', cohort ")
                .append(in.run().cohortRef()).append(", split ").append(in.run().splitHash()).append(").");
        FinalMetrics.Value auc = in.metrics().values().get("test_auc");
        if (auc != null) {
            sb.append(String.format(java.util.Locale.ROOT, " Test AUC %.3f", auc.value()));
            if (auc.ciLow() != null && auc.ciHigh() != null) {
                sb.append(String.format(java.util.Locale.ROOT, " (95%% CI %.3f–%.3f)", auc.ciLow(), auc.ciHigh()));
            }
            sb.append('.');
        }
        sb.append(weights ? " Model files in model/." :  " Weights absent (see manifest.json model.note).");
        sb.append(" See MODEL_CARD.md.");
        return sb.toString();
    }

    /** Where an export lands among its run's artifacts on the tracking server. */
    public static String artifactPath(String model, int version) {
        return "registry/" + model + "/" + version;
    }

    private RegisteredModel require(long id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no registered model " + id));
    }

    private static String label(RegisteredModel m) {
        return m.name() + " v" + m.version();
    }

    private static void writeJson(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover staging folder is visible and harmless
        }
    }
}
