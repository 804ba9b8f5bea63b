package nodus.classical.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.classical.FeatureTable;
import nodus.classical.LassoCv;
import nodus.classical.LeakageGuard;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.classical.UnivariatePTest;
import nodus.classical.UnivariateScreening;
import nodus.classical.ZScore;
import nodus.cohort.study.StudyData;

/**
 * The clinical model of the reference study, fitted on TRAIN only: univariate screening of each variable
 * (positives vs negatives, P &lt; screeningP) → the kept variables' model inputs (categorical dummy-coded, first
 * category = reference) → z-score → LASSO logistic regression with C by stratified CV.
 */
final class ClinicalPipeline {

    record Fitted(ClinicalEncoding encoding, UnivariateScreening.Result screening, ZScore.Params zscore,
                  LassoCv.Result lasso) {

        List<String> keptVariables() {
            return screening.kept();
        }

        /** Model inputs (dummy-coded, not yet z-scored) of the kept variables for one part. */
        PartTable design(StudyData data, SplitPart part) {
            return encoding.design(data, part, screening.kept());
        }

        double[] probability(FeatureTable design) {
            return lasso.model().probability(zscore.apply(design));
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("imputation", Map.of("fill", encoding.fillValues(), "rule",
                    "numeric/ordinal: TRAIN median; categorical: TRAIN mode", "fittedOn", encoding.fittedOn()));
            m.put("screening", Map.of("alpha", screening.alpha(), "entries", screening.entries(),
                    "kept", screening.kept(), "fittedOn", screening.fittedOn(),
                    "tests", "Mann–Whitney U (numeric, ordinal), χ² or Fisher 2×2 (categorical): nodus.statistics"));
            m.put("coding", "categorical variables dummy-coded, first category = reference level");
            m.put("zscore", Map.of("features", zscore.featureNames(), "fittedOn", zscore.fittedOn()));
            m.put("lassoCv", ClassicalProvenance.lasso(lasso));
            return m;
        }
    }

    private ClinicalPipeline() {
    }

    /** Screening and model on TRAIN; fails clearly when no variable passes the screening. */
    static Fitted fit(StudyData data, ClinicalEncoding encoding, double screeningP, LassoCv.Spec cv,
                      UnivariatePTest tests) {
        UnivariateScreening.Result screening = screen(data, encoding, screeningP, tests);
        if (screening.kept().isEmpty()) {
            throw new IllegalStateException("no clinical variable reached P < " + screeningP
                    + " on the training part; the clinical model cannot be built (screening: "
                    + screening.entries() + ")");
        }
        PartTable design = encoding.design(data, SplitPart.TRAIN, screening.kept());
        LeakageGuard.fitOn("clinical-model", design);
        ZScore.Params z = ZScore.fit(design);
        LassoCv.Result lasso = LassoCv.fit(design.with(z.apply(design.table())), cv);
        return new Fitted(encoding, screening, z, lasso);
    }

    static UnivariateScreening.Result screen(StudyData data, ClinicalEncoding encoding, double screeningP,
                                             UnivariatePTest tests) {
        return UnivariateScreening.screen(encoding.codes(data, SplitPart.TRAIN), encoding.screeningTypes(), tests,
                Math.min(screeningP, 1 - 1e-12));
    }
}
