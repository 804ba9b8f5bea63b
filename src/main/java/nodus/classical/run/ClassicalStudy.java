package nodus.classical.run;

import java.util.ArrayList;
import java.util.List;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.jobs.ExecuteRun;
import nodus.experiment.jobs.ExecuteRunHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Launches the classical model variants of the reference study — radiomics signature, clinical model and combined
 * model — on one cohort, task and split, in one go. The runs are queued (the job engine executes them) and can also
 * be executed synchronously ({@link #executeNow}), e.g. by the command line when no worker runs.
 */
@Service
public class ClassicalStudy {

    /** The three variants, in launch order. */
    public static final List<RunKind> KINDS = List.of(RunKind.RADIOMICS, RunKind.CLINICAL, RunKind.COMBINED);

    private final RunService runs;
    private final ObjectProvider<StudyDataSource> sources;
    private final ObjectProvider<ExecuteRunHandler> handler;

    ClassicalStudy(RunService runs, ObjectProvider<StudyDataSource> sources, ObjectProvider<ExecuteRunHandler> handler) {
        this.runs = runs;
        this.sources = sources;
        this.handler = handler;
    }

    /** The three runs with the study's default spec (see {@link ClassicalRunSpec}). */
    public List<Run> launchAll(long experimentId, String cohortRef, String task, String split, long seed) {
        return launchAll(experimentId, ClassicalRunSpec.defaults(cohortRef, task, split, seed));
    }

    /** The three runs with one spec; an identical run already in the experiment is returned, not recomputed. */
    public List<Run> launchAll(long experimentId, ClassicalRunSpec spec) {
        String splitHash = splitHash(spec);
        List<Run> out = new ArrayList<>();
        for (RunKind kind : KINDS) {
            out.add(launch(experimentId, kind, spec, splitHash));
        }
        return out;
    }

    /** One run of the given classical kind. */
    public Run launch(long experimentId, RunKind kind, ClassicalRunSpec spec) {
        return launch(experimentId, kind, spec, splitHash(spec));
    }

    /** Executes a queued run now, in this thread (what the job engine's worker would do). */
    public Run executeNow(long runId) {
        ExecuteRunHandler h = handler.getIfAvailable();
        if (h == null) {
            throw new IllegalStateException("the job engine's run handler is not available");
        }
        h.run(new ExecuteRun(runId));
        return runs.find(runId).orElseThrow();
    }

    private Run launch(long experimentId, RunKind kind, ClassicalRunSpec spec, String splitHash) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(kind + " is not a classical run kind (" + KINDS + ")");
        }
        String name = kind.name().toLowerCase(java.util.Locale.ROOT) + " · " + spec.task() + " · " + spec.split();
        return runs.launch(new NewRun(experimentId, name, kind, spec.task(), spec.cohortRef(), splitHash,
                spec.toJson(), spec.seed()));
    }

    private String splitHash(ClassicalRunSpec spec) {
        StudyDataSource source = sources.getIfAvailable();
        if (source == null) {
            throw new IllegalStateException("this Nodus has no study data source (cohort module) to read "
                    + spec.cohortRef() + " from");
        }
        StudyData data = source.load(spec.cohortRef(), spec.task(), spec.split());
        StudyTables.requireBinary(data);
        return data.splitHash();
    }
}
