package nodus.classical.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.base.config.DataHome;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.experiment.jobs.RunContext;
import nodus.experiment.jobs.RunExecutor;
import nodus.experiment.jobs.RunOutcome;
import nodus.radiomics.RadiomicsExtractor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the three classical runs share: parse the spec (unknown fields are errors), load the study through the
 * {@link StudyDataSource} port, check it is the split the run was launched on, fit (subclass; every step on TRAIN
 * only), then fix the Youden threshold on TRAIN, evaluate every part with the statistics engine, store the per-case
 * predictions of every part and the metrics (step 0), and return the provenance.
 */
abstract class ClassicalRunExecutor implements RunExecutor {

    /** Scores of every part and the fitted steps' description for the provenance. */
    record Fit(Map<SplitPart, PartEvaluation.Scored> scored, Map<String, Object> model,
               Map<String, String> libraryVersions) {
    }

    private final ObjectProvider<StudyDataSource> sources;
    private final DataHome home;

    ClassicalRunExecutor(ObjectProvider<StudyDataSource> sources, DataHome home) {
        this.sources = sources;
        this.home = home;
    }

    abstract Fit fit(RunContext ctx, ClassicalRunSpec spec, StudyData data);

    @Override
    public RunOutcome execute(RunContext ctx) {
        ClassicalRunSpec spec = ClassicalRunSpec.parse(ctx.specJson());
        StudyDataSource source = sources.getIfAvailable();
        if (source == null) {
            throw new IllegalStateException("this Nodus has no study data source (cohort module) to read "
                    + spec.cohortRef() + " from");
        }
        StudyData data = source.load(spec.cohortRef(), spec.task(), spec.split());
        String launchedOn = ctx.run().splitHash();
        if (launchedOn != null && !launchedOn.isBlank() && !launchedOn.equals(data.splitHash())) {
            throw new IllegalStateException("split '" + spec.split() + "' now has hash " + data.splitHash()
                    + " but the run was launched on " + launchedOn);
        }
        StudyTables.requireBinary(data);
        ctx.checkCancelled();
        Fit fit = fit(ctx, spec, data);
        ctx.checkCancelled();
        PartEvaluation.Result result = PartEvaluation.evaluate(fit.scored());
        ctx.savePredictions(result.predictions());
        ctx.logMetrics(0, result.metrics());

        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("kind", kind().name());
        prov.put("runId", ctx.runId());
        prov.put("spec", spec);
        prov.put("seeds", Map.of("cvFolds", spec.seed(), "libsvmPlatt", spec.seed(), "liblinear", 0L));
        prov.put("cohortRef", data.cohortRef());
        prov.put("task", data.task());
        prov.put("classNames", data.classNames());
        prov.put("splitHash", data.splitHash());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (SplitPart p : SplitPart.values()) {
            PartTable t = fit.scored().get(p).part();
            counts.put(p.name(), Map.of("cases", t.table().rows(), "positives",
                    java.util.Arrays.stream(t.table().labels()).sum(), "caseIdHash", t.table().caseIdHash()));
        }
        prov.put("parts", counts);
        prov.put("model", fit.model());
        prov.put("threshold", Map.of("rule", "Youden J on the TRAIN predictions, applied unchanged to every part",
                "value", result.threshold().value(), "youdenJ", result.threshold().youdenJ(),
                "fittedOn", result.threshold().fittedOn()));
        prov.put("metrics", result.metrics());
        Map<String, String> versions = new LinkedHashMap<>(fit.libraryVersions());
        versions.put("nodus", RadiomicsExtractor.nodusVersion());
        prov.put("libraryVersions", versions);
        return new RunOutcome(ClassicalProvenance.toJson(prov));
    }

    /** Radiomics feature tables of every part (cached extraction) and the extraction's description. */
    final Map<SplitPart, PartTable> radiomicsTables(RunContext ctx, ClassicalRunSpec spec, StudyData data,
                                                   Map<String, Object> describe) {
        CaseRadiomics.Result r = CaseRadiomics.extract(data, CaseRadiomics.settings(spec.radiomics()),
                home.dir("cache", "radiomics"), ctx::checkCancelled);
        describe.putAll(CaseRadiomics.describe(r));
        Map<SplitPart, PartTable> out = new EnumMap<>(SplitPart.class);
        for (SplitPart p : SplitPart.values()) {
            out.put(p, StudyTables.partTable(data, p, r.names(), r.rows()));
        }
        return out;
    }

    static List<String> names(Map<String, ?> m) {
        return new ArrayList<>(m.keySet());
    }
}
