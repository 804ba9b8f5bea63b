package nodus.classical;

import de.bwaldvogel.liblinear.Model;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.common.liblinear.LibLinearModel;

/**
 * L1-penalised (LASSO) logistic regression with Tribuo's LibLinear wrapper, solver L1R_LR (newGLMNET):
 * minimise ‖w‖₁ + C · Σ log(1 + e^(−y_i w·x_i)), where x includes the constant bias feature 1 — so, as in
 * liblinear and sklearn's liblinear solver, the intercept is penalised as well.
 */
public final class LassoLogistic {

    /** Spec of one fit. eps is liblinear's stopping tolerance; 1e-8 reproduces sklearn's tol=1e-8 fits. */
    public record Spec(double c, double eps, int maxIterations, long seed) {
        public Spec {
            if (!(c > 0) || !(eps > 0) || maxIterations < 1) {
                throw new IllegalArgumentException("need C > 0, eps > 0, maxIterations >= 1");
            }
        }

        public static Spec of(double c) {
            return new Spec(c, 1e-8, 10_000, 0L);
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("solver", "liblinear L1R_LR (Tribuo LibLinearClassificationTrainer)");
            m.put("C", c);
            m.put("eps", eps);
            m.put("maxIterations", maxIterations);
            m.put("bias", "constant feature 1, L1-penalised");
            return m;
        }
    }

    private LassoLogistic() {
    }

    /** Fits on the TRAIN part (guarded). */
    public static LinearModel fit(PartTable train, Spec spec) {
        FittedOn fittedOn = LeakageGuard.fitOn("lasso-logistic", train);
        return fitUnguarded(train.table(), spec, fittedOn);
    }

    /** For callers that already checked the guard (cross-validation folds are subsets of TRAIN). */
    static LinearModel fitUnguarded(FeatureTable t, Spec spec, FittedOn fittedOn) {
        int[] y = t.labels();
        boolean has0 = false;
        boolean has1 = false;
        for (int v : y) {
            has0 |= v == 0;
            has1 |= v == 1;
        }
        if (!has0 || !has1) {
            throw new IllegalArgumentException("LASSO needs both classes in the fitting data");
        }
        String[] names = t.featureNames().toArray(new String[0]);
        MutableDataset<Label> ds = TribuoData.dataset(t, "lasso-logistic");
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L1R_LR),
                spec.c(), spec.maxIterations(), spec.eps(), spec.seed());
        LibLinearModel<Label> model = (LibLinearModel<Label>) trainer.train(ds);
        Model inner = model.getInnerModels().get(0);
        double[] w = inner.getFeatureWeights();
        // liblinear's binary weights score its first label; orient them so η > 0 favours label "1".
        int positiveId = model.getOutputIDInfo().getID(TribuoData.POSITIVE);
        double sign = inner.getLabels()[0] == positiveId ? 1.0 : -1.0;
        double[] coef = new double[names.length];
        for (int j = 0; j < names.length; j++) {
            int id = model.getFeatureIDMap().getID(names[j]);
            // a feature that is zero in every fitting row is unknown to Tribuo; its weight is 0
            coef[j] = id < 0 ? 0.0 : sign * w[id] + 0.0; // + 0.0 turns −0.0 into 0.0
        }
        double intercept = sign * w[model.getFeatureIDMap().size()] + 0.0;
        FitProvenance prov = FitProvenance.of("lasso-logistic", spec.asMap(), Map.of("liblinear", spec.seed()),
                t, fittedOn, model.getProvenance());
        return new LinearModel(t.featureNames(), intercept, coef, fittedOn, prov);
    }
}
