package nodus.classical.run;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nodus.base.config.DataHome;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.experiment.RunKind;
import nodus.experiment.jobs.RunContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** RADIOMICS runs: features of every case → signature fitted on TRAIN → P = logistic(radscore) for every case. */
// ordered first: a bean for the same kind without an order (e.g. a test's stub) comes later and replaces it
@Order(0)
@Component
class RadiomicsRunExecutor extends ClassicalRunExecutor {

    RadiomicsRunExecutor(ObjectProvider<StudyDataSource> sources, DataHome home) {
        super(sources, home);
    }

    @Override
    public RunKind kind() {
        return RunKind.RADIOMICS;
    }

    @Override
    Fit fit(RunContext ctx, ClassicalRunSpec spec, StudyData data) {
        Map<String, Object> extraction = new LinkedHashMap<>();
        Map<SplitPart, PartTable> tables = radiomicsTables(ctx, spec, data, extraction);
        ctx.checkCancelled();
        RadiomicsPipeline.Fitted f = RadiomicsPipeline.fit(tables.get(SplitPart.TRAIN),
                spec.radiomics().spearmanThreshold(), spec.lasso().toCv(spec.seed()));
        Map<SplitPart, PartEvaluation.Scored> scored = new EnumMap<>(SplitPart.class);
        for (SplitPart p : SplitPart.values()) {
            double[] s = f.radscore(tables.get(p).table());
            for (int i = 0; i < s.length; i++) {
                s[i] = 1.0 / (1.0 + Math.exp(-s[i]));
            }
            scored.put(p, new PartEvaluation.Scored(tables.get(p), s));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("extraction", extraction);
        model.putAll(f.describe());
        model.put("prediction", "P(positive) = 1 / (1 + exp(-radscore))");
        return new Fit(scored, model, f.lasso().model().provenance().libraryVersions());
    }
}
