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
    private final TransactionTemplate transaction;

    StudyService(StudyRepository studies, StudySplits splits, StudyOrchestrator orchestrator,
                 ExperimentService experiments, RunService runs, CurrentUser currentUser,
                 PlatformTransactionManager transactions) {
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
        StudySplits.Resolved r = splits.resolve(spec, source, true);
        String cohortRef = r.cohort().ref();
        List<PlannedRun> plan = StudyPlanner.plan(spec, cohortRef, r.splitHashes());
        long experimentId = experiments.list().stream().filter(e -> e.name().equals(spec.name())).findFirst()
                .map(Experiment::id).orElseGet(() -> experiments.create(spec.name(), spec.description() != null
                        ? spec.description() : "study launched from a spec (" + source + ")").id());
        String user = currentUser.name();
        Long id = transaction.execute(tx -> {
            long studyId = studies.insert(spec.name(), experimentId, cohortRef, yaml, spec.statistics().threshold(),
                    user);
            for (int i = 0; i < plan.size(); i++) {
                studies.insertRun(studyId, i, plan.get(i), r.splitHashes().get(plan.get(i).task()));
            }
            return studyId;
        });
        orchestrator.advance(id);
        return studies.findById(id).orElseThrow();
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
}
