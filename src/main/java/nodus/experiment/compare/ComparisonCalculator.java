package nodus.experiment.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nodus.experiment.CasePrediction;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.SplitPart;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.DeLong;
import nodus.statistics.EvaluationOptions;
import nodus.statistics.MultiClassEvaluation;
import nodus.statistics.Reclassification;
import nodus.statistics.ThresholdMetrics;
import nodus.statistics.ThresholdRule;

/**
 * The comparison's arithmetic, from stored predictions only (no database, no Spring): per run and part the
 * paper's metrics at the spec's threshold, paired DeLong tests between runs on each part, NRI/IDI against the
 * baseline.
 *
 * <p>Binary tables use {@code score} with labels 0/1. Runs of a multi-class task (labels ≥ 2, class
 * probabilities stored) are tabulated one-vs-rest as "label ≥ 1" against {@code score} and additionally get the
 * multi-class confusion matrix.
 */
final class ComparisonCalculator {

    static final String TRAINING_SOURCE = "training Youden";
    static final String OWN_SOURCE = "own Youden";

    private ComparisonCalculator() {
    }

    static ComparisonResult compute(ComparisonSpec spec, List<Run> runs, Map<Long, List<CasePrediction>> predictions,
                                    Map<Long, List<MetricPoint>> history) {
        Map<Long, Map<SplitPart, ComparisonResult.PartData>> data = new LinkedHashMap<>();
        List<ComparisonResult.Row> rows = new ArrayList<>();
        for (Run run : runs) {
            Map<SplitPart, List<CasePrediction>> byPart = new EnumMap<>(SplitPart.class);
            for (CasePrediction p : predictions.getOrDefault(run.id(), List.of())) {
                byPart.computeIfAbsent(p.part(), k -> new ArrayList<>()).add(p);
            }
            ThresholdRule rule = rule(spec, run, byPart);
            Map<SplitPart, ComparisonResult.PartData> parts = new EnumMap<>(SplitPart.class);
            for (SplitPart part : spec.parts()) {
                List<CasePrediction> ps = byPart.get(part);
                if (ps == null || ps.isEmpty()) {
                    continue;
                }
                ComparisonResult.PartData d = partData(ps, rule);
                parts.put(part, d);
                BinaryEvaluation e = d.evaluation();
                if (e == null) {
                    continue;
                }
                ThresholdMetrics m = e.atThreshold();
                rows.add(new ComparisonResult.Row(run, part, e.n(), e.positives(), m.threshold(),
                        spec.threshold() == ComparisonSpec.ThresholdChoice.TRAINING_YOUDEN ? TRAINING_SOURCE
                                : OWN_SOURCE,
                        m.accuracy(), e.auc(), m.sensitivity(), m.specificity(), m.ppv(), m.npv()));
            }
            data.put(run.id(), parts);
        }
        return new ComparisonResult(spec, runs, rows, delong(spec, runs, data), reclass(spec, runs, data), data,
                history);
    }

    /** The rule of the spec for one run: the Youden threshold of its TRAIN part, or each part's own. */
    private static ThresholdRule rule(ComparisonSpec spec, Run run, Map<SplitPart, List<CasePrediction>> byPart) {
        if (spec.threshold() == ComparisonSpec.ThresholdChoice.OWN_YOUDEN) {
            return ThresholdRule.youden();
        }
        List<CasePrediction> train = byPart.get(SplitPart.TRAIN);
        if (train == null || train.isEmpty()) {
            throw new IllegalArgumentException("run '" + run.name() + "' has no TRAIN predictions to fix the "
                    + "threshold on; choose each part's own Youden threshold instead");
        }
        double[] labels = new double[train.size()];
        double[] scores = new double[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.get(i).label() >= 1 ? 1 : 0;
            scores[i] = train.get(i).score();
        }
        return ThresholdRule.fromTraining(labels, scores, "train");
    }

    private static ComparisonResult.PartData partData(List<CasePrediction> ps, ThresholdRule rule) {
        // Case order by id: the same for every run, so paired statistics can be aligned cheaply.
        List<CasePrediction> sorted = new ArrayList<>(ps);
        sorted.sort(Comparator.comparing(CasePrediction::caseId));
        int n = sorted.size();
        List<String> ids = new ArrayList<>(n);
        double[] labels = new double[n];
        double[] scores = new double[n];
        int[] classes = new int[n];
        double[][] probs = new double[n][];
        boolean multi = true;
        for (int i = 0; i < n; i++) {
            CasePrediction p = sorted.get(i);
            ids.add(p.caseId());
            classes[i] = p.label();
            labels[i] = p.label() >= 1 ? 1 : 0;
            scores[i] = p.score();
            probs[i] = p.probabilities();
            multi &= probs[i] != null && probs[i].length >= 2;
        }
        BinaryEvaluation e = null;
        boolean bothClasses = java.util.Arrays.stream(labels).anyMatch(v -> v == 1)
                && java.util.Arrays.stream(labels).anyMatch(v -> v == 0);
        if (bothClasses) {
            e = BinaryEvaluation.evaluate(labels, scores, EvaluationOptions.builder().optThreshold(rule).build());
        }
        MultiClassEvaluation.Result mc = multi ? MultiClassEvaluation.evaluate(classes, probs) : null;
        return new ComparisonResult.PartData(List.copyOf(ids), labels, scores, classes, multi ? probs : null, e, mc);
    }

    private static List<ComparisonResult.PairTest> delong(ComparisonSpec spec, List<Run> runs,
                                                          Map<Long, Map<SplitPart, ComparisonResult.PartData>> data) {
        List<ComparisonResult.PairTest> out = new ArrayList<>();
        for (SplitPart part : spec.parts()) {
            for (int i = 0; i < runs.size(); i++) {
                for (int j = i + 1; j < runs.size(); j++) {
                    Run a = runs.get(i);
                    Run b = runs.get(j);
                    ComparisonResult.PartData da = data.get(a.id()).get(part);
                    ComparisonResult.PartData db = data.get(b.id()).get(part);
                    String refusal = pairRefusal(a, b, da, db);
                    if (refusal != null) {
                        out.add(new ComparisonResult.PairTest(part, a, b, null, refusal));
                        continue;
                    }
                    try {
                        out.add(new ComparisonResult.PairTest(part, a, b, DeLong.pairedTest(da.caseIds(),
                                da.labels(), da.scores(), db.caseIds(), db.labels(), db.scores()), null));
                    } catch (IllegalArgumentException e) {
                        out.add(new ComparisonResult.PairTest(part, a, b, null, e.getMessage()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Why two runs cannot be compared paired on a part, or null. Cohort identity is the split hash: runs on
     * different splits are never paired, even if case ids happened to coincide.
     */
    private static String pairRefusal(Run a, Run b, ComparisonResult.PartData da, ComparisonResult.PartData db) {
        if (!Objects.equals(a.splitHash(), b.splitHash())) {
            return "different splits (" + shortHash(a.splitHash()) + " vs " + shortHash(b.splitHash())
                    + "): a paired test needs the same cases";
        }
        if (da == null || db == null) {
            return "no predictions on this part";
        }
        if (da.evaluation() == null || db.evaluation() == null) {
            return "only one class on this part";
        }
        return null;
    }

    private static String shortHash(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(8, hash.length()));
    }

    private static List<ComparisonResult.Reclass> reclass(ComparisonSpec spec, List<Run> runs,
                                                          Map<Long, Map<SplitPart, ComparisonResult.PartData>> data) {
        List<ComparisonResult.Reclass> out = new ArrayList<>();
        Run base = runs.stream().filter(r -> r.id() == spec.baseline()).findFirst().orElseThrow();
        for (SplitPart part : spec.parts()) {
            ComparisonResult.PartData old = data.get(base.id()).get(part);
            for (Run run : runs) {
                if (run.id() == base.id()) {
                    continue;
                }
                ComparisonResult.PartData neu = data.get(run.id()).get(part);
                String refusal = pairRefusal(base, run, old, neu);
                if (refusal == null && !old.caseIds().equals(neu.caseIds())) {
                    refusal = "the runs predicted different cases on this part";
                }
                if (refusal == null && !java.util.Arrays.equals(old.labels(), neu.labels())) {
                    refusal = "the runs disagree on the true labels on this part";
                }
                if (refusal != null) {
                    out.add(new ComparisonResult.Reclass(part, base, run, null, null, refusal));
                    continue;
                }
                // Both are in case-id order (partData), so the arrays are aligned.
                out.add(new ComparisonResult.Reclass(part, base, run,
                        Reclassification.nriContinuous(old.labels(), old.scores(), neu.scores()),
                        Reclassification.idi(old.labels(), old.scores(), neu.scores()), null));
            }
        }
        return out;
    }
}
