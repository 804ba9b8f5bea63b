package nodus.classical.run;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.base.config.DataHome;
import nodus.classical.CombinedModel;
import nodus.classical.DeepFeatureSource;
import nodus.classical.FeatureTable;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.classical.StatisticsUnivariateTests;
import nodus.classical.SvmPlatt;
import nodus.classical.UnivariateScreening;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.jobs.RunContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * COMBINED runs: the screened clinical variables (dummy-coded) + the radiomics signature's radscore (both fitted on
 * TRAIN) + PCA of a FINETUNE run's per-case deep features (fitted on TRAIN; omitted when the spec names no such
 * run, and the provenance says so) → z-score → LASSO-CV → SVM (Platt) or LR, chosen on VALIDATION (or fixed by the
 * spec); the choice, both validation AUCs and the reason are recorded.
 */
// ordered first: a bean for the same kind without an order (e.g. a test's stub) comes later and replaces it
@Order(0)
@Component
class CombinedRunExecutor extends ClassicalRunExecutor {

    static final String RADSCORE = "radscore";

    private final RunService runs;

    CombinedRunExecutor(ObjectProvider<StudyDataSource> sources, DataHome home, RunService runs) {
        super(sources, home);
        this.runs = runs;
    }

    @Override
    public RunKind kind() {
        return RunKind.COMBINED;
    }

    @Override
    Fit fit(RunContext ctx, ClassicalRunSpec spec, StudyData data) {
        ClassicalRunSpec.Combined cs = spec.combined();
        Map<String, Object> extraction = new LinkedHashMap<>();
        Map<SplitPart, PartTable> radiomics = radiomicsTables(ctx, spec, data, extraction);
        ctx.checkCancelled();
        RadiomicsPipeline.Fitted sig = RadiomicsPipeline.fit(radiomics.get(SplitPart.TRAIN),
                spec.radiomics().spearmanThreshold(), spec.lasso().toCv(spec.seed()));
        ClinicalEncoding enc = ClinicalEncoding.fit(data, SplitPart.TRAIN);
        UnivariateScreening.Result screening = ClinicalPipeline.screen(data, enc, spec.clinical().screeningP(),
                new StatisticsUnivariateTests());

        Map<SplitPart, PartTable> base = new EnumMap<>(SplitPart.class);
        for (SplitPart p : SplitPart.values()) {
            PartTable clinical = enc.design(data, p, screening.kept());
            FeatureTable r = radiomics.get(p).table().rowsOf(clinical.table().caseIds());
            double[] score = sig.radscore(r);
            double[][] col = new double[score.length][];
            for (int i = 0; i < score.length; i++) {
                col[i] = new double[] {score[i]};
            }
            FeatureTable rs = new FeatureTable(r.caseIds(), List.of(RADSCORE), col, r.labels());
            base.put(p, clinical.with(clinical.table().withColumns(rs)));
        }

        DeepFeatureSource deep = null;
        int k = cs.pcaComponents();
        Map<String, Object> deepInfo = new LinkedHashMap<>();
        if (cs.deepFeatureRunId() == null) {
            deepInfo.put("used", false);
            deepInfo.put("note", "the spec names no deep-feature run: the combined model uses the clinical "
                    + "variables and the radiomics signature only");
        } else {
            deep = new RunDeepFeatures(cs.deepFeatureRunId(), runs.caseFeatures(cs.deepFeatureRunId()), data);
            int nTrain = base.get(SplitPart.TRAIN).table().rows();
            // the centred TRAIN matrix has rank ≤ n − 1: more components than that carry no variance
            k = Math.min(k, Math.min(nTrain - 1, deep.dimension()));
            deepInfo.put("used", true);
            deepInfo.put("runId", cs.deepFeatureRunId());
            deepInfo.put("dimension", deep.dimension());
            deepInfo.put("pcaComponentsRequested", cs.pcaComponents());
            deepInfo.put("pcaComponentsUsed", k);
        }
        ctx.checkCancelled();
        CombinedModel.Spec modelSpec = new CombinedModel.Spec(k, spec.lasso().toCv(spec.seed()),
                new SvmPlatt.Spec(org.tribuo.common.libsvm.KernelType.RBF, cs.svmCost(), 0.0, spec.seed()));
        PartTable chooseOn = base.get(SplitPart.valueOf(cs.chooseOn()));
        CombinedModel.Fitted m = CombinedModel.fit(base.get(SplitPart.TRAIN), chooseOn, deep, modelSpec, cs.model());

        Map<SplitPart, PartEvaluation.Scored> scored = new EnumMap<>(SplitPart.class);
        for (SplitPart p : SplitPart.values()) {
            scored.put(p, new PartEvaluation.Scored(base.get(p), m.probability(base.get(p).table(), deep)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("radiomicsExtraction", extraction);
        model.put("radiomicsSignature", sig.describe());
        model.put("clinicalImputation", Map.of("fill", enc.fillValues(), "fittedOn", enc.fittedOn()));
        model.put("clinicalScreening", Map.of("alpha", screening.alpha(), "entries", screening.entries(),
                "kept", screening.kept(), "fittedOn", screening.fittedOn()));
        model.put("deepFeatures", deepInfo);
        if (m.pca() != null) {
            model.put("pca", Map.of("components", m.pca().k(), "explainedVarianceRatio",
                    ClassicalProvenance.list(m.pca().explainedVarianceRatio()), "fittedOn", m.pca().fittedOn()));
        }
        model.put("inputs", m.zscore().featureNames());
        model.put("zscore", Map.of("fittedOn", m.zscore().fittedOn()));
        model.put("lassoCv", ClassicalProvenance.lasso(m.lasso()));
        model.put("svm", ClassicalProvenance.svm(m.svm()));
        model.put("choice", Map.of("mode", cs.model().name(), "chosen", m.choice().chosen().name(),
                "validationAucLr", m.choice().validationAucLr(), "validationAucSvm", m.choice().validationAucSvm(),
                "reason", m.choice().reason(), "choseOn", m.choice().choseOn()));
        return new Fit(scored, model, m.lasso().model().provenance().libraryVersions());
    }
}
