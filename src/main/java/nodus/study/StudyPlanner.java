package nodus.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nodus.classical.CombinedModel;
import nodus.classical.run.ClassicalRunSpec;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.RunKind;

/**
 * Turns a study spec and its resolved splits into the runs to launch, with their dependencies. The run kinds' own
 * spec types ({@link FineTuneSpec}, {@link ClassicalRunSpec}) build and validate each run's spec, so the canonical
 * JSON — and with it the run's content address — is exactly what a run launched by hand would have.
 *
 * <p>Each classical run carries only the sections it reads (radiomics: extraction + LASSO; clinical: screening +
 * LASSO; combined: all), so changing, say, the combined model's PCA size does not invalidate the radiomics run.
 */
public final class StudyPlanner {

    static final String RADIOMICS = "radiomics";
    static final String CLINICAL = "clinical";
    static final String COMBINED = "combined";

    private StudyPlanner() {
    }

    /**
     * @param splitHashes task → the content hash of its split (also the split reference the runs read)
     */
    public static List<PlannedRun> plan(StudySpec spec, String cohortRef, Map<String, String> splitHashes) {
        List<PlannedRun> out = new ArrayList<>();
        for (StudySpec.TaskSpec t : spec.tasks()) {
            String task = t.name();
            String split = splitHashes.get(task);
            if (t.variants().contains(StudySpec.Variant.FINETUNE)) {
                for (StudySpec.Finetune f : spec.finetune()) {
                    FineTuneSpec s = fineTuneSpec(f, cohortRef, task, split, spec.seed());
                    out.add(new PlannedRun(PlannedRun.key(task, f.backbone()), RunKind.FINETUNE, task,
                            f.backbone() + " fine-tuned", s.toJson(), spec.seed(), List.of(), null));
                }
            }
            List<String> classicalDeps = new ArrayList<>();
            if (t.variants().contains(StudySpec.Variant.RADIOMICS)) {
                out.add(new PlannedRun(PlannedRun.key(task, RADIOMICS), RunKind.RADIOMICS, task,
                        "Radiomics signature", classicalSpec(spec.radiomics(), null, null, cohortRef, task, split,
                        spec.seed()).toJson(), spec.seed(), List.of(), null));
                classicalDeps.add(PlannedRun.key(task, RADIOMICS));
            }
            if (t.variants().contains(StudySpec.Variant.CLINICAL)) {
                out.add(new PlannedRun(PlannedRun.key(task, CLINICAL), RunKind.CLINICAL, task, "Clinical model",
                        classicalSpec(lassoOnly(spec.radiomics()), spec.clinical(), null, cohortRef, task, split,
                                spec.seed()).toJson(), spec.seed(), List.of(), null));
                classicalDeps.add(PlannedRun.key(task, CLINICAL));
            }
            if (t.variants().contains(StudySpec.Variant.COMBINED)) {
                StudySpec.Combined c = spec.combined();
                List<String> deps = new ArrayList<>(classicalDeps);
                String deepKey = null;
                if (c.backbone() != null) {
                    deepKey = PlannedRun.key(task, c.backbone());
                    if (!t.variants().contains(StudySpec.Variant.FINETUNE)) {
                        throw new StudySpecException("spec", spec.line("tasks"), "tasks",
                                "task '" + task + "' runs the combined model with " + c.backbone()
                                        + "'s deep features but not the fine-tuning that makes them");
                    }
                    deps.add(deepKey);
                }
                String name = c.backbone() == null ? "Combined (clinical + radiomics)"
                        : "Combined (clinical + radiomics + " + c.backbone() + ")";
                out.add(new PlannedRun(PlannedRun.key(task, COMBINED), RunKind.COMBINED, task, name,
                        classicalSpec(spec.radiomics(), spec.clinical(), c, cohortRef, task, split, spec.seed())
                                .toJson(), spec.seed(), deps, deepKey));
            }
        }
        return out;
    }

    /** The COMBINED run's spec with the FINETUNE run whose per-case deep features it uses. */
    public static String withDeepFeatureRun(String classicalSpecJson, long fineTuneRunId) {
        ClassicalRunSpec s = ClassicalRunSpec.parse(classicalSpecJson);
        ClassicalRunSpec.Combined c = s.combined();
        return new ClassicalRunSpec(s.cohortRef(), s.task(), s.split(), s.seed(), s.radiomics(), s.lasso(),
                s.clinical(), new ClassicalRunSpec.Combined(fineTuneRunId, c.pcaComponents(), c.model(),
                c.chooseOn(), c.svmCost())).toJson();
    }

    static FineTuneSpec fineTuneSpec(StudySpec.Finetune f, String cohortRef, String task, String split, long seed) {
        return new FineTuneSpec(cohortRef, task, split, f.backbone(), f.weights(), f.inputSize(), f.epochs(),
                f.batch(), f.lr(), f.momentum(), 0.0, f.freezeBackbone(), 1.0, f.augmentation(), f.earlyStopping(),
                seed);
    }

    static ClassicalRunSpec classicalSpec(StudySpec.Radiomics r, StudySpec.Clinical c, StudySpec.Combined m,
                                          String cohortRef, String task, String split, long seed) {
        ClassicalRunSpec.Radiomics radiomics = r == null || isLassoOnly(r) ? null
                : new ClassicalRunSpec.Radiomics(r.paramsFile(), r.binWidth(), r.clip(), r.label(), r.spearman());
        StudySpec.Lasso l = r == null ? StudySpec.Lasso.DEFAULT : r.lasso();
        ClassicalRunSpec.Lasso lasso = new ClassicalRunSpec.Lasso(l.cGrid(), l.folds(), l.oneSe());
        ClassicalRunSpec.Clinical clinical = c == null ? null : new ClassicalRunSpec.Clinical(c.screeningP());
        ClassicalRunSpec.Combined combined = m == null ? null : new ClassicalRunSpec.Combined(null, m.pca(),
                switch (m.model()) {
                    case "svm" -> CombinedModel.Mode.SVM;
                    case "lr" -> CombinedModel.Mode.LR;
                    default -> CombinedModel.Mode.AUTO;
                }, "VALIDATION", m.svmCost());
        return new ClassicalRunSpec(cohortRef, task, split, seed, radiomics, lasso, clinical, combined);
    }

    /** The clinical run reads only the LASSO settings of the radiomics section. */
    private static StudySpec.Radiomics lassoOnly(StudySpec.Radiomics r) {
        return new StudySpec.Radiomics(null, null, null, null, null, r == null ? StudySpec.Lasso.DEFAULT : r.lasso());
    }

    private static boolean isLassoOnly(StudySpec.Radiomics r) {
        return r.paramsFile() == null && r.binWidth() == null && r.clip() == null && r.label() == null
                && r.spearman() == null;
    }
}
