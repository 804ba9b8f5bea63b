package nodus.classical.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.classical.FeatureTable;
import nodus.classical.LassoCv;
import nodus.classical.LeakageGuard;
import nodus.classical.PartTable;
import nodus.classical.RadiomicsSignature;
import nodus.classical.SpearmanFilter;
import nodus.classical.ZScore;

/**
 * The radiomics signature of the reference study, every step fitted on TRAIN only: Spearman redundancy filter
 * (|ρ| &gt; threshold) → z-score → LASSO logistic regression with C by stratified CV → signature
 * radscore = intercept + Σ coef·z over the non-zero coefficients; P(positive) = 1/(1 + e^−radscore).
 */
final class RadiomicsPipeline {

    record Fitted(SpearmanFilter.Result filter, ZScore.Params zscore, LassoCv.Result lasso,
                  RadiomicsSignature signature) {

        /** radscore of every row of a raw feature table (any part). */
        double[] radscore(FeatureTable raw) {
            return signature.score(zscore.apply(filter.apply(raw)));
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("spearmanFilter", Map.of("threshold", filter.threshold(), "kept", filter.kept().size(),
                    "removedInOrder", filter.removedInOrder().stream().map(SpearmanFilter.Removal::feature).toList(),
                    "fittedOn", filter.fittedOn()));
            m.put("zscore", Map.of("features", zscore.featureNames().size(), "fittedOn", zscore.fittedOn()));
            m.put("lassoCv", ClassicalProvenance.lasso(lasso));
            m.put("signature", Map.of("equation", signature.equation(), "equationRounded", signature.equation(6),
                    "intercept", signature.intercept(), "features", signature.features(),
                    "coefficients", ClassicalProvenance.list(signature.coef())));
            return m;
        }
    }

    private RadiomicsPipeline() {
    }

    static Fitted fit(PartTable train, double spearmanThreshold, LassoCv.Spec cv) {
        LeakageGuard.fitOn("radiomics-signature", train);
        SpearmanFilter.Result filter = SpearmanFilter.fit(train, spearmanThreshold);
        PartTable kept = train.with(filter.apply(train.table()));
        ZScore.Params z = ZScore.fit(kept);
        LassoCv.Result lasso = LassoCv.fit(train.with(z.apply(kept.table())), cv);
        RadiomicsSignature sig = RadiomicsSignature.of(lasso.model());
        if (sig.features().isEmpty()) {
            throw new IllegalStateException("the LASSO kept no radiomics feature at C = " + lasso.chosenC()
                    + " (all coefficients 0): no signature can be built from the " + train.table().rows()
                    + " training cases");
        }
        return new Fitted(filter, z, lasso, sig);
    }

    static List<String> selected(Fitted f) {
        return f.signature().features();
    }
}
