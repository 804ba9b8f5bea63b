package nodus.classical;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The combined (fusion) model: clinical variables + radiomics signature + PCA-compressed deep features →
 * z-score → LASSO (CV on TRAIN) selects inputs → two candidates fitted on TRAIN on the selected inputs: the LASSO
 * logistic model itself and an SVM with Platt probabilities. The candidate with the higher VALIDATION AUC is
 * used (ties → LR, the simpler model). The study chose SVM vs LR on its test cohort; Nodus chooses on validation
 * and records the choice, both AUCs and the reason.
 */
public final class CombinedModel {

    /**
     * @param pcaComponents number of deep-feature principal components (128 in the study; ≤ training cases)
     * @param lasso         LASSO CV spec for the input selection
     * @param svm           SVM spec
     */
    public record Spec(int pcaComponents, LassoCv.Spec lasso, SvmPlatt.Spec svm) {
        public Spec {
            Objects.requireNonNull(lasso);
            Objects.requireNonNull(svm);
            if (pcaComponents < 1) {
                throw new IllegalArgumentException("pcaComponents must be >= 1");
            }
        }
    }

    public enum Kind { LOGISTIC_REGRESSION, SVM }

    /** How the final model is picked: by validation AUC (AUTO), or fixed by the researcher (SVM or LR). */
    public enum Mode { AUTO, SVM, LR }

    /** The recorded model choice. */
    public record Choice(Kind chosen, double validationAucLr, double validationAucSvm, String reason,
                         FittedOn choseOn) {
    }

    /** All fitted steps of the combined model. */
    public record Fitted(Pca.Model pca, ZScore.Params zscore, LassoCv.Result lasso, SvmPlatt.Fitted svm,
                         Choice choice) {

        /** Selected inputs (non-zero LASSO coefficients). */
        public List<String> selected() {
            return lasso.model().selectedFeatures();
        }

        /**
         * P(positive) for each case of {@code base} (clinical columns + radscore, any part).
         */
        public double[] probability(FeatureTable base, DeepFeatureSource deep) {
            FeatureTable z = zscore.apply(inputs(base, pca == null ? null : deep, pca));
            return choice.chosen() == Kind.SVM ? svm.probability(z) : lasso.model().probability(z);
        }
    }

    private CombinedModel() {
    }

    static final String PC_PREFIX = "deep_PC";

    /**
     * @param trainBase      TRAIN part: clinical columns and a "radscore" column (signature fitted on TRAIN)
     * @param validationBase VALIDATION part, same columns; used only for the SVM-vs-LR choice
     * @param deep           deep features of every case
     */
    public static Fitted fit(PartTable trainBase, PartTable validationBase, DeepFeatureSource deep, Spec spec) {
        return fit(trainBase, validationBase, deep, spec, Mode.AUTO);
    }

    /**
     * As {@link #fit(PartTable, PartTable, DeepFeatureSource, Spec)}, with the choice mode; {@code deep} may be null
     * (no deep-learning run given): then the inputs are the base columns only and no PCA is fitted. With a fixed
     * mode both validation AUCs are still computed and recorded, the model is the one the researcher fixed.
     */
    public static Fitted fit(PartTable trainBase, PartTable validationBase, DeepFeatureSource deep, Spec spec,
                             Mode mode) {
        LeakageGuard.fitOn("combined-model", trainBase);
        LeakageGuard.requireDisjoint(validationBase, trainBase.table());
        Pca.Model pca = deep == null ? null
                : Pca.fit(trainBase.with(deep.table(trainBase.table())), spec.pcaComponents());
        FeatureTable trainInputs = inputs(trainBase.table(), deep, pca);
        ZScore.Params z = ZScore.fit(trainBase.with(trainInputs));
        FeatureTable zTrain = z.apply(trainInputs);
        LassoCv.Result lasso = LassoCv.fit(trainBase.with(zTrain), spec.lasso());
        List<String> selected = lasso.model().selectedFeatures();
        if (selected.isEmpty()) {
            throw new IllegalStateException("the LASSO kept no input of the combined model (all coefficients 0)");
        }
        SvmPlatt.Fitted svm = SvmPlatt.fit(trainBase.with(zTrain.select(selected)), spec.svm());

        FittedOn choseOn = LeakageGuard.chooseOn("combined-model-choice", validationBase,
                List.of(lasso.fittedOn(), svm.fittedOn()));
        FeatureTable zVal = z.apply(inputs(validationBase.table(), deep, pca));
        int[] yVal = zVal.labels();
        double aucLr = RankAuc.auc(lasso.model().linearPredictor(zVal), yVal);
        double aucSvm = RankAuc.auc(svm.probability(zVal), yVal);
        Kind chosen = switch (mode) {
            case AUTO -> aucSvm > aucLr ? Kind.SVM : Kind.LOGISTIC_REGRESSION;
            case SVM -> Kind.SVM;
            case LR -> Kind.LOGISTIC_REGRESSION;
        };
        String rule = mode == Mode.AUTO ? "higher validation AUC; ties → LR" : "fixed by the spec (model " + mode + ")";
        String reason = String.format(Locale.ROOT,
                "validation AUC: SVM %.4f vs LR %.4f on %d validation cases → %s (%s). "
                        + "The study chose on its test cohort; Nodus never looks at the test part for this choice.",
                aucSvm, aucLr, zVal.rows(), chosen, rule);
        return new Fitted(pca, z, lasso, svm, new Choice(chosen, aucLr, aucSvm, reason, choseOn));
    }

    /** base columns + PCA projection of the deep features, same cases. */
    static FeatureTable inputs(FeatureTable base, DeepFeatureSource deep, Pca.Model pca) {
        if (pca == null) {
            return base;
        }
        return base.withColumns(pca.project(deep.table(base), PC_PREFIX));
    }
}
