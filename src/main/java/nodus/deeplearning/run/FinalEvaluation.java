package nodus.deeplearning.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.experiment.CasePrediction;
import nodus.experiment.SplitPart;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.EvaluationOptions;
import nodus.statistics.MultiClassEvaluation;
import nodus.statistics.Proportion;
import nodus.statistics.ThresholdMetrics;
import nodus.statistics.ThresholdRule;

/**
 * A fine-tuning run's final numbers per split part, computed by the statistics engine from the stored per-case
 * predictions — the same keys as the classical runs' final metrics, so comparison and export treat all runs alike.
 *
 * <p>Binary tasks: the Youden threshold is chosen on the TRAIN predictions and applied unchanged to every part
 * (choosing it on validation or test would be optimistic); {@link BinaryEvaluation} gives the AUC with its DeLong
 * 95 % CI and Wilson intervals. Keys {@code <part>_auc}, {@code _auc_ci_low}, {@code _auc_ci_high},
 * {@code _accuracy}, {@code _sensitivity}, {@code _specificity}, {@code _ppv}, {@code _npv}, {@code _f1},
 * {@code _brier}, {@code _threshold}, {@code _n}, {@code _positives}; part = train / val / test.
 * Multi-class tasks: arg-max accuracy and the one-vs-rest macro AUC ({@link MultiClassEvaluation}).
 * Undefined values (e.g. PPV when nobody is called positive) are left out, not stored as NaN.
 *
 * <p>Logged at step 0, the convention for a run's final metrics (steps ≥ 1 are the per-epoch history).
 */
final class FinalEvaluation {

    private FinalEvaluation() {
    }

    static Map<String, Double> metrics(List<CasePrediction> predictions, boolean binary) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (binary) {
            List<CasePrediction> train = of(predictions, SplitPart.TRAIN);
            if (train.isEmpty() || !bothClasses(train)) {
                return m;
            }
            ThresholdRule rule = ThresholdRule.fromTraining(labels(train), scores(train), "train part");
            EvaluationOptions options = EvaluationOptions.builder().optThreshold(rule).build();
            for (SplitPart part : SplitPart.values()) {
                List<CasePrediction> ps = of(predictions, part);
                if (ps.isEmpty() || !bothClasses(ps)) {
                    continue;
                }
                BinaryEvaluation e = BinaryEvaluation.evaluate(labels(ps), scores(ps), options);
                String pre = part.metricPrefix() + "_";
                put(m, pre + "auc", e.auc().auc());
                put(m, pre + "auc_ci_low", e.auc().ciLow());
                put(m, pre + "auc_ci_high", e.auc().ciHigh());
                ThresholdMetrics at = e.atThreshold();
                put(m, pre + "accuracy", at.accuracy());
                put(m, pre + "sensitivity", at.sensitivity());
                put(m, pre + "specificity", at.specificity());
                put(m, pre + "ppv", at.ppv());
                put(m, pre + "npv", at.npv());
                put(m, pre + "f1", at.f1());
                if (e.brier() != null) {
                    put(m, pre + "brier", e.brier());
                }
                put(m, pre + "threshold", at.threshold());
                put(m, pre + "n", e.n());
                put(m, pre + "positives", e.positives());
            }
            return m;
        }
        for (SplitPart part : SplitPart.values()) {
            List<CasePrediction> ps = of(predictions, part);
            if (ps.isEmpty()) {
                continue;
            }
            int[] y = ps.stream().mapToInt(CasePrediction::label).toArray();
            double[][] p = ps.stream().map(CasePrediction::probabilities).toArray(double[][]::new);
            MultiClassEvaluation.Result r = MultiClassEvaluation.evaluate(y, p);
            String pre = part.metricPrefix() + "_";
            put(m, pre + "accuracy", r.accuracy());
            put(m, pre + "macro_auc", r.macroAuc());
            put(m, pre + "n", ps.size());
        }
        return m;
    }

    private static List<CasePrediction> of(List<CasePrediction> all, SplitPart part) {
        List<CasePrediction> out = new ArrayList<>();
        for (CasePrediction p : all) {
            if (p.part() == part) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean bothClasses(List<CasePrediction> ps) {
        boolean pos = false;
        boolean neg = false;
        for (CasePrediction p : ps) {
            pos |= p.label() >= 1;
            neg |= p.label() == 0;
        }
        return pos && neg;
    }

    private static double[] labels(List<CasePrediction> ps) {
        return ps.stream().mapToDouble(p -> p.label() >= 1 ? 1 : 0).toArray();
    }

    private static double[] scores(List<CasePrediction> ps) {
        return ps.stream().mapToDouble(CasePrediction::score).toArray();
    }

    private static void put(Map<String, Double> m, String key, Proportion p) {
        put(m, key, p.estimate());
    }

    private static void put(Map<String, Double> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }
}
