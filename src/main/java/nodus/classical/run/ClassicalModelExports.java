package nodus.classical.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.base.config.DataHome;
import nodus.classical.PartTable;
import nodus.classical.RadiomicsSignature;
import nodus.classical.SplitPart;
import nodus.cohort.study.ClinicalVariable;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.cohort.study.VariableKind;
import nodus.experiment.CasePrediction;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.model.ExportedModel;
import nodus.experiment.model.ModelArtifactsProvider;
import nodus.experiment.model.ModelUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Registry export of the classical runs (RADIOMICS, CLINICAL): the fitted steps are not kept after a run, so the
 * export refits them from the run's spec on the same split — every step is deterministic (seeded CV folds,
 * liblinear) and the radiomics features come from the extraction cache — and then CHECKS that the written model
 * file ({@link ClassicalModelFile}) reproduces the run's stored probability of every case of every part (to
 * 1e-12); if it does not (the cohort or the code changed since the run), the export says so and carries no model.
 */
final class ClassicalModelExports {

    /** Largest |stored − reproduced| probability accepted (double rounding only; the arithmetic is identical). */
    static final double TOLERANCE = 1e-12;

    private ClassicalModelExports() {
    }

    /** What both kinds share: spec, study data, threshold, and the reproduction check. */
    abstract static class Base implements ModelArtifactsProvider {
        private final ObjectProvider<StudyDataSource> sources;
        private final RunService runs;
        final DataHome home;

        Base(ObjectProvider<StudyDataSource> sources, RunService runs, DataHome home) {
            this.sources = sources;
            this.runs = runs;
            this.home = home;
        }

        /** The model file and, for the check, every case's raw model inputs by case id. */
        record Written(ClassicalModelFile model, Map<String, Map<String, Double>> inputs,
                       nodus.classical.SvmPlatt.Fitted svm) {
            Written(ClassicalModelFile model, Map<String, Map<String, Double>> inputs) {
                this(model, inputs, null);
            }
        }

        abstract Written write(ClassicalRunSpec spec, StudyData data, double threshold, Path modelDir)
                throws IOException;

        @Override
        public ExportedModel export(Run run, Path modelDir) throws IOException {
            ClassicalRunSpec spec;
            try {
                spec = ClassicalRunSpec.parse(runs.spec(run.id()).orElse("{}"));
            } catch (IllegalArgumentException e) {
                throw new ModelUnavailableException("the run's spec is not a classical run spec: " + e.getMessage());
            }
            StudyDataSource source = sources.getIfAvailable();
            if (source == null) {
                throw new ModelUnavailableException("no study data source to refit the model from");
            }
            StudyData data;
            try {
                data = source.load(spec.cohortRef(), spec.task(), spec.split());
            } catch (IllegalArgumentException e) {
                throw new ModelUnavailableException("cannot read the run's study: " + e.getMessage(), e);
            }
            if (run.splitHash() != null && !run.splitHash().isBlank() && !run.splitHash().equals(data.splitHash())) {
                throw new ModelUnavailableException("split '" + spec.split() + "' now has hash " + data.splitHash()
                        + " but the run used " + run.splitHash());
            }
            double threshold = runs.metrics(run.id()).stream().filter(m -> m.key().equals("train_threshold"))
                    .max(Comparator.comparingInt(MetricPoint::step)).map(MetricPoint::value)
                    .orElseThrow(() -> new ModelUnavailableException("the run logged no train_threshold"));
            Written w = write(spec, data, threshold, modelDir);
            check(run, w);
            Path file = modelDir.resolve(ClassicalModelFile.FILE);
            w.model().write(file);
            List<Path> files = new ArrayList<>();
            try (var list = Files.list(modelDir)) {
                list.sorted().forEach(files::add);
            }
            return new ExportedModel(ClassicalModelFile.FORMAT, preprocessing(w.model()), files);
        }

        private void check(Run run, Written w) {
            List<CasePrediction> stored = runs.predictions(run.id());
            if (stored.isEmpty()) {
                throw new ModelUnavailableException("the run stored no predictions to check the model against");
            }
            for (CasePrediction p : stored) {
                Map<String, Double> in = w.inputs().get(p.caseId());
                if (in == null) {
                    throw new ModelUnavailableException("case " + p.caseId() + " of the run is not in the study");
                }
                double again = w.model().probability(in, w.svm());
                if (!(Math.abs(again - p.score()) <= TOLERANCE)) {
                    throw new ModelUnavailableException("the refitted model gives " + again + " for case "
                            + p.caseId() + " but the run stored " + p.score()
                            + " (cohort or code changed since the run)");
                }
            }
        }

        private static Map<String, Object> preprocessing(ClassicalModelFile m) {
            Map<String, Object> p = new LinkedHashMap<>();
            if (m.radiomics() != null) {
                p.put("radiomics", Map.of("binWidth", m.radiomics().binWidth(), "clip", m.radiomics().clip()
                                + " (0.5–99.5 percentiles)", "label", String.valueOf(m.radiomics().label()),
                        "settingsHash", m.radiomics().settingsHash(),
                        "paramsYaml", String.valueOf(m.radiomics().paramsYaml())));
            }
            if (m.clinical() != null) {
                p.put("clinical", Map.of("kept", m.clinical().kept(), "coding",
                        "numeric as is; ordinal as category index; categorical dummies (first = reference); "
                                + "missing → TRAIN median / mode"));
            }
            if (m.combined() != null) {
                p.put("combined", "clinical design columns + radscore → z-score (TRAIN) → " + m.combined().chosen()
                        + (m.combined().chosen().equals("SVM") ? " (RBF, Platt probabilities; Tribuo model in "
                        + m.combined().svmFile() + ")" : " (LASSO logistic)"));
            }
            p.put("zscore", "TRAIN mean and population sd of " + m.zscore().features().size() + " inputs");
            p.put("model", "P = 1 / (1 + exp(-(intercept + Σ coef·z))), " + m.logistic().features().size()
                    + " non-zero coefficients");
            p.put("threshold", m.threshold());
            return p;
        }

        static Map<String, Map<String, Double>> inputs(Map<SplitPart, PartTable> tables, List<String> names) {
            Map<String, Map<String, Double>> out = new HashMap<>();
            for (PartTable t : tables.values()) {
                for (int i = 0; i < t.table().rows(); i++) {
                    Map<String, Double> row = new HashMap<>();
                    for (String n : names) {
                        row.put(n, t.table().value(i, t.table().columnIndex(n)));
                    }
                    out.put(t.table().caseIds().get(i), row);
                }
            }
            return out;
        }
    }

    /** RADIOMICS: extraction settings (+ the pyradiomics parameter file), z-score, signature. */
    @Order(0)
    @Component
    static class RadiomicsExport extends Base {
        RadiomicsExport(ObjectProvider<StudyDataSource> sources, RunService runs, DataHome home) {
            super(sources, runs, home);
        }

        @Override
        public RunKind kind() {
            return RunKind.RADIOMICS;
        }

        @Override
        Written write(ClassicalRunSpec spec, StudyData data, double threshold, Path modelDir) throws IOException {
            var settings = CaseRadiomics.settings(spec.radiomics());
            CaseRadiomics.Result r = CaseRadiomics.extract(data, settings, home.dir("cache", "radiomics"), () -> {
            });
            Map<SplitPart, PartTable> tables = new EnumMap<>(SplitPart.class);
            for (SplitPart p : SplitPart.values()) {
                tables.put(p, StudyTables.partTable(data, p, r.names(), r.rows()));
            }
            RadiomicsPipeline.Fitted f = RadiomicsPipeline.fit(tables.get(SplitPart.TRAIN),
                    spec.radiomics().spearmanThreshold(), spec.lasso().toCv(spec.seed()));
            String yaml = null;
            if (spec.radiomics().paramsYaml() != null) {
                yaml = "radiomics-params.yaml";
                Files.copy(Path.of(spec.radiomics().paramsYaml()), modelDir.resolve(yaml));
            }
            ClassicalRunSpec.Radiomics rs = spec.radiomics();
            ClassicalModelFile m = new ClassicalModelFile(ClassicalModelFile.FORMAT, kind().name(), data.classNames(),
                    threshold, new ClassicalModelFile.Radiomics(yaml, rs.binWidth(), rs.clip(), rs.label(),
                    settings.hash()), null, ClassicalModelFile.ZScoreParams.of(f.zscore()),
                    ClassicalModelFile.Logistic.of(f.signature()), null);
            return new Written(m, inputs(tables, f.zscore().featureNames()));
        }
    }

    /** CLINICAL: variables with coding and fill values, screening result, z-score, LASSO logistic model. */
    @Order(0)
    @Component
    static class ClinicalExport extends Base {
        ClinicalExport(ObjectProvider<StudyDataSource> sources, RunService runs, DataHome home) {
            super(sources, runs, home);
        }

        @Override
        public RunKind kind() {
            return RunKind.CLINICAL;
        }

        @Override
        Written write(ClassicalRunSpec spec, StudyData data, double threshold, Path modelDir) {
            ClinicalEncoding enc = ClinicalEncoding.fit(data, SplitPart.TRAIN);
            ClinicalPipeline.Fitted f = ClinicalPipeline.fit(data, enc, spec.clinical().screeningP(),
                    spec.lasso().toCv(spec.seed()), new nodus.classical.StatisticsUnivariateTests());
            Map<SplitPart, PartTable> tables = new EnumMap<>(SplitPart.class);
            for (SplitPart p : SplitPart.values()) {
                tables.put(p, f.design(data, p));
            }
            ClassicalModelFile m = new ClassicalModelFile(ClassicalModelFile.FORMAT, kind().name(), data.classNames(),
                    threshold, null, new ClassicalModelFile.Clinical(variables(enc), f.keptVariables()),
                    ClassicalModelFile.ZScoreParams.of(f.zscore()),
                    ClassicalModelFile.Logistic.of(RadiomicsSignature.of(f.lasso().model())), null);
            return new Written(m, inputs(tables, f.zscore().featureNames()));
        }

        /** The fill values back as codes (fillValues() gives categorical fills as their category name). */
        static List<ClassicalModelFile.Variable> variables(ClinicalEncoding enc) {
            Map<String, Object> fills = enc.fillValues();
            List<ClassicalModelFile.Variable> out = new ArrayList<>();
            for (ClinicalVariable v : enc.variables()) {
                Object fill = fills.get(v.name());
                double code = v.kind() == VariableKind.CATEGORICAL ? v.categories().indexOf(fill.toString())
                        : ((Number) fill).doubleValue();
                out.add(new ClassicalModelFile.Variable(v.name(), v.kind().name(),
                        v.categories() == null ? List.of() : v.categories(), code));
            }
            return out;
        }
    }

    /**
     * COMBINED without deep features (clinical + radiomics signature → z-score → LASSO → SVM or LR): the signature
     * and clinical coding as above plus the fusion model. A COMBINED run that used a FINETUNE run's deep features is
     * not exported yet (a new case would need the backbone's features and the PCA).
     */
    @Order(0)
    @Component
    static class CombinedExport extends Base {
        static final String SVM_FILE = "combined-svm.tribuo.ser";

        CombinedExport(ObjectProvider<StudyDataSource> sources, RunService runs, DataHome home) {
            super(sources, runs, home);
        }

        @Override
        public RunKind kind() {
            return RunKind.COMBINED;
        }

        @Override
        Written write(ClassicalRunSpec spec, StudyData data, double threshold, Path modelDir) throws IOException {
            ClassicalRunSpec.Combined cs = spec.combined();
            if (cs.deepFeatureRunId() != null) {
                throw new ModelUnavailableException("the run fused the deep features of FINETUNE run "
                        + cs.deepFeatureRunId() + "; exporting a combined model with deep features (backbone + PCA) "
                        + "is not implemented yet");
            }
            var settings = CaseRadiomics.settings(spec.radiomics());
            CaseRadiomics.Result r = CaseRadiomics.extract(data, settings, home.dir("cache", "radiomics"), () -> {
            });
            Map<SplitPart, PartTable> radiomics = new EnumMap<>(SplitPart.class);
            for (SplitPart p : SplitPart.values()) {
                radiomics.put(p, StudyTables.partTable(data, p, r.names(), r.rows()));
            }
            RadiomicsPipeline.Fitted sig = RadiomicsPipeline.fit(radiomics.get(SplitPart.TRAIN),
                    spec.radiomics().spearmanThreshold(), spec.lasso().toCv(spec.seed()));
            ClinicalEncoding enc = ClinicalEncoding.fit(data, SplitPart.TRAIN);
            var screening = ClinicalPipeline.screen(data, enc, spec.clinical().screeningP(),
                    new nodus.classical.StatisticsUnivariateTests());
            // as CombinedRunExecutor: base = clinical design (kept variables) + radscore
            Map<SplitPart, PartTable> base = new EnumMap<>(SplitPart.class);
            Map<SplitPart, PartTable> clinical = new EnumMap<>(SplitPart.class);
            for (SplitPart p : SplitPart.values()) {
                PartTable c = enc.design(data, p, screening.kept());
                clinical.put(p, c);
                nodus.classical.FeatureTable rt = radiomics.get(p).table().rowsOf(c.table().caseIds());
                double[] score = sig.radscore(rt);
                double[][] col = new double[score.length][];
                for (int i = 0; i < score.length; i++) {
                    col[i] = new double[] {score[i]};
                }
                var rs = new nodus.classical.FeatureTable(rt.caseIds(), List.of(CombinedRunExecutor.RADSCORE), col,
                        rt.labels());
                base.put(p, c.with(c.table().withColumns(rs)));
            }
            var modelSpec = new nodus.classical.CombinedModel.Spec(cs.pcaComponents(), spec.lasso().toCv(spec.seed()),
                    new nodus.classical.SvmPlatt.Spec(org.tribuo.common.libsvm.KernelType.RBF, cs.svmCost(), 0.0,
                            spec.seed()));
            var m = nodus.classical.CombinedModel.fit(base.get(SplitPart.TRAIN),
                    base.get(SplitPart.valueOf(cs.chooseOn())), null, modelSpec, cs.model());
            boolean svm = m.choice().chosen() == nodus.classical.CombinedModel.Kind.SVM;
            if (svm) {
                ClassicalModelFile.writeSvm(m.svm().model(), modelDir.resolve(SVM_FILE));
            }
            String yaml = null;
            if (spec.radiomics().paramsYaml() != null) {
                yaml = "radiomics-params.yaml";
                Files.copy(Path.of(spec.radiomics().paramsYaml()), modelDir.resolve(yaml));
            }
            ClassicalRunSpec.Radiomics rsp = spec.radiomics();
            var combined = new ClassicalModelFile.Combined(ClassicalModelFile.ZScoreParams.of(m.zscore()),
                    svm ? "SVM" : "LOGISTIC_REGRESSION", ClassicalModelFile.Logistic.of(
                    RadiomicsSignature.of(m.lasso().model())), m.svm().featureNames(), svm ? SVM_FILE : null);
            ClassicalModelFile file = new ClassicalModelFile(ClassicalModelFile.FORMAT, kind().name(),
                    data.classNames(), threshold, new ClassicalModelFile.Radiomics(yaml, rsp.binWidth(), rsp.clip(),
                    rsp.label(), settings.hash()), new ClassicalModelFile.Clinical(
                    ClinicalExport.variables(enc), screening.kept()),
                    ClassicalModelFile.ZScoreParams.of(sig.zscore()), ClassicalModelFile.Logistic.of(sig.signature()),
                    combined);
            Map<String, Map<String, Double>> inputs = inputs(radiomics, sig.zscore().featureNames());
            Map<String, Map<String, Double>> clin = inputs(clinical,
                    clinical.get(SplitPart.TRAIN).table().featureNames());
            clin.forEach((id, row) -> inputs.get(id).putAll(row));
            return new Written(file, inputs, file.readSvm(modelDir));
        }
    }
}
