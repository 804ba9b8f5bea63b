package nodus.study;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunService;
import nodus.experiment.compare.ComparisonResult;
import nodus.experiment.compare.ComparisonService;
import nodus.experiment.compare.SavedComparison;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Studies: a spec (experiments/*.yaml) checked, planned into runs with dependencies, launched, and followed as a
 * whole. The runs of a study live in the experiment named after it, where launching is content-addressed: the
 * same cohort version, split hash and run spec give back the existing run instead of a new computation, so
 * launching a study again recomputes only what changed (or failed).
 */
@Service
public class StudyService {

    private final StudyRepository studies;
    private final StudySplits splits;
    private final StudyOrchestrator orchestrator;
    private final ExperimentService experiments;
    private final RunService runs;
    private final CurrentUser currentUser;
    private final ComparisonService comparisons;
    private final nodus.base.config.DataHome home;
    private final StudyEstimator estimator;
    private final nodus.cohort.CohortService cohorts;
    private final TransactionTemplate transaction;

    StudyService(StudyRepository studies, StudySplits splits, StudyOrchestrator orchestrator,
                 ExperimentService experiments, RunService runs, CurrentUser currentUser,
                 ComparisonService comparisons, nodus.base.config.DataHome home, StudyEstimator estimator,
                 nodus.cohort.CohortService cohorts, PlatformTransactionManager transactions) {
        this.estimator = estimator;
        this.cohorts = cohorts;
        this.home = home;
        this.comparisons = comparisons;
        this.studies = studies;
        this.splits = splits;
        this.orchestrator = orchestrator;
        this.experiments = experiments;
        this.runs = runs;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Parses YAML text (no database check); relative paths are resolved against {@code baseDir}. */
    public static StudySpec parse(String yaml, String source, Path baseDir) {
        return new StudySpecParser(source, baseDir).parse(yaml);
    }

    /**
     * Checks a parsed spec against the database (cohort, tasks, splits, variants per task) without creating
     * anything, and returns the runs it would launch (a split still to be made shows as {@code "(new split)"}).
     *
     * @throws StudySpecException naming the line and field
     */
    @PermitAll
    public List<PlannedRun> check(StudySpec spec, String source) {
        spec = pinParams(spec);
        StudySplits.Resolved r = splits.resolve(spec, source, false);
        Map<String, String> hashes = new java.util.LinkedHashMap<>();
        r.splitHashes().forEach((task, hash) -> hashes.put(task, hash == null ? "(new split)" : hash));
        return StudyPlanner.plan(spec, r.cohort().ref(), hashes);
    }

    /**
     * Launches a study: makes the splits the spec's rule asks for (or finds them), plans its runs, records the
     * study and starts every run that waits for nothing; the rest start as their prerequisites finish.
     *
     * @param yaml the spec text as written (kept with the study, downloadable)
     */
    @RolesAllowed(Role.RESEARCHER_NAME)
    public Study launch(StudySpec spec, String yaml, String source) {
        spec = pinParams(spec);
        StudySplits.Resolved r = splits.resolve(spec, source, true);
        String cohortRef = r.cohort().ref();
        List<PlannedRun> plan = StudyPlanner.plan(spec, cohortRef, r.splitHashes());
        StudySpec s = spec;
        long experimentId = experiments.list().stream().filter(e -> e.name().equals(s.name())).findFirst()
                .map(Experiment::id).orElseGet(() -> experiments.create(s.name(), s.description() != null
                        ? s.description() : "study launched from a spec (" + source + ")").id());
        String user = currentUser.name();
        Long id = transaction.execute(tx -> {
            long studyId = studies.insert(s.name(), experimentId, cohortRef, yaml, s.statistics().threshold(),
                    user);
            for (int i = 0; i < plan.size(); i++) {
                studies.insertRun(studyId, i, plan.get(i), r.splitHashes().get(plan.get(i).task()));
            }
            return studyId;
        });
        orchestrator.advance(id);
        return studies.findById(id).orElseThrow();
    }

    /**
     * The radiomics parameter file is copied to {@code <data home>/study-params/<sha256>.yaml} and the runs point
     * at the copy: the run spec (and so its content address) then changes when the file's content changes, and the
     * run can be recomputed from what it names even after the original is edited.
     */
    private StudySpec pinParams(StudySpec spec) {
        StudySpec.Radiomics r = spec.radiomics();
        if (r == null || r.paramsFile() == null) {
            return spec;
        }
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(Path.of(r.paramsFile()));
            Path pinned = home.dir("study-params").resolve(nodus.base.Hashes.sha256(bytes) + ".yaml");
            if (!java.nio.file.Files.exists(pinned)) {
                java.nio.file.Files.write(pinned, bytes);
            }
            StudySpec.Radiomics p = new StudySpec.Radiomics(pinned.toString(), r.binWidth(), r.clip(), r.label(),
                    r.spearman(), r.lasso());
            return new StudySpec(spec.name(), spec.description(), spec.cohort(), spec.split(), spec.tasks(),
                    spec.seed(), spec.finetune(), p, spec.clinical(), spec.combined(), spec.statistics(),
                    spec.lines());
        } catch (java.io.IOException e) {
            throw new StudySpecException(spec.name(), spec.line("variants.radiomics.params"),
                    "variants.radiomics.params", "cannot read " + r.paramsFile() + ": " + e.getMessage());
        }
    }

    /** Estimated wall time of the study's runs on this machine (past run durations, else benchmark figures). */
    @PermitAll
    public StudyEstimate estimate(StudySpec spec, String source) {
        StudySplits.Resolved r = splits.resolve(spec, source, false);
        Map<String, Integer> cases = new java.util.HashMap<>();
        for (StudySpec.TaskSpec t : spec.tasks()) {
            cases.put(t.name(), cohorts.labels(r.cohort().id(), t.name()).size());
        }
        return estimator.estimate(check(spec, source), cases);
    }

    @PermitAll
    public List<Study> list() {
        return studies.findAll();
    }

    @PermitAll
    public Optional<Study> find(long id) {
        return studies.findById(id);
    }

    /** Every planned run's state, the failures, and the per-task comparisons once the study has ended. */
    @PermitAll
    public StudyProgress progress(long studyId) {
        Study study = studies.findById(studyId).orElseThrow(
                () -> new IllegalArgumentException("no study with id " + studyId));
        List<StudyRun> out = new ArrayList<>();
        for (StudyRepository.Row row : studies.runs(studyId)) {
            Run run = row.runId() == null ? null : runs.find(row.runId()).orElse(null);
            out.add(new StudyRun(row.key(), row.kind(), row.task(), row.name(), row.runId(),
                    run == null ? null : run.status(), run == null ? null : run.statusMessage(), row.reused(),
                    row.blockedBy(), run == null ? null : run.startedAt(), run == null ? null : run.finishedAt()));
        }
        return new StudyProgress(study, out, studies.comparisons(studyId));
    }

    /** The comparison of each task's finished runs (task → result), in task order; empty until the study ends. */
    @PermitAll
    public Map<String, ComparisonResult> results(long studyId) {
        Map<String, ComparisonResult> out = new java.util.LinkedHashMap<>();
        studies.comparisons(studyId).forEach((task, id) -> comparisons.find(id).map(SavedComparison::spec)
                .ifPresent(spec -> out.put(task, comparisons.compute(spec))));
        return out;
    }
}
