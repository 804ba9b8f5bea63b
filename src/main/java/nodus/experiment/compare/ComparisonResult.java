package nodus.experiment.compare;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.SplitPart;
import nodus.statistics.AucEstimate;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.DeLongTest;
import nodus.statistics.MultiClassEvaluation;
import nodus.statistics.Proportion;
import nodus.statistics.Reclassification;

/**
 * Everything the compare view, its exports and the report show, computed from the runs' stored per-case
 * predictions.
 */
public record ComparisonResult(ComparisonSpec spec, List<Run> runs, List<Row> rows, List<PairTest> delong,
                               List<Reclass> reclassification, Map<Long, Map<SplitPart, PartData>> data,
                               Map<Long, List<MetricPoint>> history) {

    /**
     * One line of the paper's Table 2/3: a run on one part at the threshold of the spec's rule.
     *
     * @param thresholdSource "training Youden" or "own Youden" — printed with the table
     */
    public record Row(Run run, SplitPart part, int n, int positives, double threshold, String thresholdSource,
                      Proportion accuracy, AucEstimate auc, Proportion sensitivity, Proportion specificity,
                      Proportion ppv, Proportion npv) {
    }

    /** Paired DeLong test of run A − run B on one part; {@code refusal} says why there is no test. */
    public record PairTest(SplitPart part, Run a, Run b, DeLongTest test, String refusal) {
        public boolean refused() {
            return test == null;
        }
    }

    /** NRI (continuous) and IDI of {@code run} over {@code baseline} on one part, or why not. */
    public record Reclass(SplitPart part, Run baseline, Run run, Reclassification.Result nri,
                          Reclassification.Result idi, String refusal) {
    }

    /**
     * One run's predictions on one part, in case order, and their evaluation at the rule's threshold.
     *
     * @param multiClass the multi-class evaluation when the run stored class probabilities, else null
     */
    public record PartData(List<String> caseIds, double[] labels, double[] scores, int[] classLabels,
                           double[][] probabilities, BinaryEvaluation evaluation,
                           MultiClassEvaluation.Result multiClass) {
    }

    public Optional<PairTest> pair(SplitPart part, long a, long b) {
        return delong.stream().filter(t -> t.part() == part && t.a().id() == a && t.b().id() == b).findFirst();
    }

    public List<Row> rows(SplitPart part) {
        return rows.stream().filter(r -> r.part() == part).toList();
    }

    public Run run(long id) {
        return runs.stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + id + " is not in this comparison"));
    }
}
