package nodus.classical;

import java.util.Map;
import java.util.Objects;

/**
 * The clinical model as in the study: univariate screening at P &lt; 0.1 on TRAIN → z-score (TRAIN) → LASSO
 * logistic regression with C chosen by stratified CV on TRAIN. Predicts P(positive) from raw clinical values.
 */
public final class ClinicalModel {

    /** Spec: screening level, variable types, CV spec. */
    public record Spec(double alpha, Map<String, VariableType> types, LassoCv.Spec cv) {
        public Spec {
            types = Map.copyOf(types);
            Objects.requireNonNull(cv);
        }
    }

    /** The fitted steps, each with its own {@link FittedOn}. */
    public record Fitted(UnivariateScreening.Result screening, ZScore.Params zscore, LassoCv.Result lasso) {

        public LinearModel model() {
            return lasso.model();
        }

        /** P(positive) for each row of a raw clinical table (any part). */
        public double[] probability(FeatureTable raw) {
            return lasso.model().probability(zscore.apply(raw));
        }

        public double[] linearPredictor(FeatureTable raw) {
            return lasso.model().linearPredictor(zscore.apply(raw));
        }
    }

    private ClinicalModel() {
    }

    public static Fitted fit(PartTable train, Spec spec, UnivariatePTest test) {
        LeakageGuard.fitOn("clinical-model", train);
        UnivariateScreening.Result screening = UnivariateScreening.screen(train, spec.types(), test, spec.alpha());
        if (screening.kept().isEmpty()) {
            throw new IllegalStateException("no clinical variable reached P < " + spec.alpha()
                    + " on the training part; the clinical model cannot be built");
        }
        PartTable kept = train.with(train.table().select(screening.kept()));
        ZScore.Params z = ZScore.fit(kept);
        LassoCv.Result cv = LassoCv.fit(train.with(z.apply(kept.table())), spec.cv());
        return new Fitted(screening, z, cv);
    }
}
