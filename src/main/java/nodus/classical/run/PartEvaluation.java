package nodus.classical.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.classical.YoudenThreshold;
import nodus.experiment.CasePrediction;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.EvaluationOptions;
import nodus.statistics.Proportion;
import nodus.statistics.ThresholdMetrics;
import nodus.statistics.ThresholdRule;

/**
 * A run's final numbers: the Youden threshold is fixed on the TRAIN predictions (guarded) and applied unchanged to
 * every part; each part is evaluated by the statistics engine ({@link BinaryEvaluation}: AUC with DeLong 95 % CI,
 * Wilson intervals). Metric keys: {@code <prefix>_auc}, {@code _auc_ci_low}, {@code _auc_ci_high},
 * {@code _accuracy}, {@code _sensitivity}, {@code _specificity}, {@code _ppv}, {@code _npv}, {@code _f1},
 * {@code _brier}, {@code _threshold}, {@code _n}, {@code _positives}; prefix train / val / test. Undefined values
 * (e.g. PPV when nobody is called positive) are left out rather than stored as NaN.
 */
final class PartEvaluation {

    /** The cases of one part with their scores (P(positive)), in the part table's row order. */
    record Scored(PartTable part, double[] scores) {
    }

    record Result(YoudenThreshold.Threshold threshold, Map<String, Double> metrics, List<CasePrediction> predictions,
                  Map<SplitPart, BinaryEvaluation> evaluations) {
    }

    private PartEvaluation() {
    }

    static Result evaluate(Map<SplitPart, Scored> parts) {
        Scored train = parts.get(SplitPart.TRAIN);
        YoudenThreshold.Threshold t = YoudenThreshold.fit(train.part(), train.scores());
        ThresholdRule rule = new ThresholdRule(ThresholdRule.Kind.FROM_TRAINING, t.value(), "train part");
        EvaluationOptions options = EvaluationOptions.builder().optThreshold(rule).build();
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<CasePrediction> predictions = new ArrayList<>();
        Map<SplitPart, BinaryEvaluation> evaluations = new EnumMap<>(SplitPart.class);
        for (SplitPart p : SplitPart.values()) {
            Scored s = parts.get(p);
            int[] y = s.part().table().labels();
            double[] labels = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = y[i];
                predictions.add(CasePrediction.binary(s.part().table().caseIds().get(i), StudyTables.runPart(p), y[i],
                        s.scores()[i]));
            }
            BinaryEvaluation e = BinaryEvaluation.evaluate(labels, s.scores(), options);
            evaluations.put(p, e);
            String prefix = StudyTables.runPart(p).metricPrefix() + "_";
            put(metrics, prefix + "auc", e.auc().auc());
            put(metrics, prefix + "auc_ci_low", e.auc().ciLow());
            put(metrics, prefix + "auc_ci_high", e.auc().ciHigh());
            ThresholdMetrics at = e.atThreshold();
            put(metrics, prefix + "accuracy", at.accuracy());
            put(metrics, prefix + "sensitivity", at.sensitivity());
            put(metrics, prefix + "specificity", at.specificity());
            put(metrics, prefix + "ppv", at.ppv());
            put(metrics, prefix + "npv", at.npv());
            put(metrics, prefix + "f1", at.f1());
            if (e.brier() != null) {
                put(metrics, prefix + "brier", e.brier());
            }
            put(metrics, prefix + "threshold", at.threshold());
            put(metrics, prefix + "n", e.n());
            put(metrics, prefix + "positives", e.positives());
        }
        return new Result(t, metrics, predictions, evaluations);
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
