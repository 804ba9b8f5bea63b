package nodus.classical;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * C-SVC (Tribuo LibSVM) with Platt-scaled probabilities (libsvm probability=1: a sigmoid fitted by libsvm's
 * internal 5-fold CV on the TRAIN part; seeded through Tribuo's trainer seed).
 */
public final class SvmPlatt {

    /**
     * @param kernel RBF or LINEAR
     * @param cost   C
     * @param gamma  RBF γ; ≤ 0 means 1/(number of features), libsvm's default
     * @param seed   seed of libsvm's random fold split for Platt scaling
     */
    public record Spec(KernelType kernel, double cost, double gamma, long seed) {
        public Spec {
            Objects.requireNonNull(kernel);
            if (!(cost > 0)) {
                throw new IllegalArgumentException("cost must be > 0");
            }
        }

        public static Spec rbf(long seed) {
            return new Spec(KernelType.RBF, 1.0, 0.0, seed);
        }
    }

    /** A fitted SVM: features in order, the Tribuo model, what it was fitted on and its provenance. */
    public record Fitted(List<String> featureNames, Model<Label> model, FittedOn fittedOn, FitProvenance provenance) {
        public Fitted {
            featureNames = List.copyOf(featureNames);
        }

        /** P(positive) by the Platt sigmoid. */
        public double[] probability(FeatureTable t) {
            FeatureTable s = t.select(featureNames);
            double[] p = new double[s.rows()];
            for (int i = 0; i < p.length; i++) {
                Prediction<Label> pred = model.predict(TribuoData.example(s, i));
                Label pos = pred.getOutputScores().get(TribuoData.POSITIVE.getLabel());
                p[i] = pos == null ? 0.0 : pos.getScore();
            }
            return p;
        }
    }

    static {
        // libsvm prints its optimiser trace to stdout by default
        libsvm.svm.svm_set_print_string_function(s -> { });
    }

    private SvmPlatt() {
    }

    public static Fitted fit(PartTable train, Spec spec) {
        FittedOn fittedOn = LeakageGuard.fitOn("svm-platt", train);
        FeatureTable t = train.table();
        SVMParameters<Label> params = new SVMParameters<>(
                new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), spec.kernel());
        params.setCost(spec.cost());
        double gamma = spec.gamma() > 0 ? spec.gamma() : 1.0 / t.columns();
        params.setGamma(gamma);
        params.setProbability();
        LibSVMClassificationTrainer trainer = new LibSVMClassificationTrainer(params, spec.seed());
        Model<Label> model = trainer.train(TribuoData.dataset(t, "svm-platt"));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("svm", "C-SVC, Tribuo LibSVMClassificationTrainer, probability=1 (Platt)");
        s.put("kernel", spec.kernel().name());
        s.put("C", spec.cost());
        s.put("gamma", gamma);
        FitProvenance prov = FitProvenance.of("svm-platt", s, Map.of("libsvm", spec.seed()), t, fittedOn,
                model.getProvenance());
        return new Fitted(t.featureNames(), model, fittedOn, prov);
    }
}
