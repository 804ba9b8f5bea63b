package nodus.classical.run;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nodus.base.config.DataHome;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.classical.StatisticsUnivariateTests;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.experiment.RunKind;
import nodus.experiment.jobs.RunContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** CLINICAL runs: screening at P &lt; 0.1 on TRAIN → dummy coding → z-score → LASSO-CV; P for every case. */
// ordered first: a bean for the same kind without an order (e.g. a test's stub) comes later and replaces it
@Order(0)
@Component
class ClinicalRunExecutor extends ClassicalRunExecutor {

    ClinicalRunExecutor(ObjectProvider<StudyDataSource> sources, DataHome home) {
        super(sources, home);
    }

    @Override
    public RunKind kind() {
        return RunKind.CLINICAL;
    }

    @Override
    Fit fit(RunContext ctx, ClassicalRunSpec spec, StudyData data) {
        ClinicalEncoding enc = ClinicalEncoding.fit(data, SplitPart.TRAIN);
        ClinicalPipeline.Fitted f = ClinicalPipeline.fit(data, enc, spec.clinical().screeningP(),
                spec.lasso().toCv(spec.seed()), new StatisticsUnivariateTests());
        Map<SplitPart, PartEvaluation.Scored> scored = new EnumMap<>(SplitPart.class);
        for (SplitPart p : SplitPart.values()) {
            PartTable design = f.design(data, p);
            scored.put(p, new PartEvaluation.Scored(design, f.probability(design.table())));
        }
        Map<String, Object> model = new LinkedHashMap<>(f.describe());
        model.put("prediction", "P(positive) = 1 / (1 + exp(-(intercept + Σ coef·z)))");
        return new Fit(scored, model, f.lasso().model().provenance().libraryVersions());
    }
}
