package nodus.experiment.compare;

import java.util.List;
import java.util.Set;
import nodus.experiment.SplitPart;

/**
 * What a comparison shows: which runs of an experiment, on which split parts, at which threshold rule, against
 * which baseline (NRI/IDI), with which figures. Saved as JSON under a stable id so another user sees the same.
 *
 * @param experimentId the experiment the runs belong to
 * @param runIds chosen runs, in display order (at least one, no duplicates)
 * @param parts split parts, in display order (default TRAIN, VALIDATION, TEST)
 * @param threshold how the metrics' threshold is chosen
 * @param baselineRunId run the others are compared with by NRI/IDI, or null (then the first run)
 * @param figures figures to show
 */
public record ComparisonSpec(long experimentId, List<Long> runIds, List<SplitPart> parts, ThresholdChoice threshold,
                             Long baselineRunId, Set<Figure> figures) {

    /** Threshold at which accuracy, sensitivity, specificity, PPV and NPV are reported. */
    public enum ThresholdChoice {
        /** Youden threshold of the run's TRAIN predictions, applied unchanged to every part (the honest one). */
        TRAINING_YOUDEN,
        /** Each part's own Youden threshold (optimistic on validation/test; labelled as such). */
        OWN_YOUDEN
    }

    public enum Figure { ROC, DECISION, CALIBRATION, HISTORY, CONFUSION }

    public ComparisonSpec {
        if (runIds == null || runIds.isEmpty()) {
            throw new IllegalArgumentException("choose at least one run to compare");
        }
        if (runIds.stream().distinct().count() != runIds.size()) {
            throw new IllegalArgumentException("a run is chosen twice");
        }
        runIds = List.copyOf(runIds);
        parts = parts == null || parts.isEmpty() ? List.of(SplitPart.values()) : List.copyOf(parts);
        threshold = threshold == null ? ThresholdChoice.TRAINING_YOUDEN : threshold;
        if (baselineRunId != null && !runIds.contains(baselineRunId)) {
            throw new IllegalArgumentException("the baseline run " + baselineRunId + " is not among the chosen runs");
        }
        figures = figures == null || figures.isEmpty() ? Set.of(Figure.values()) : Set.copyOf(figures);
    }

    public static ComparisonSpec of(long experimentId, List<Long> runIds) {
        return new ComparisonSpec(experimentId, runIds, null, null, null, null);
    }

    public long baseline() {
        return baselineRunId != null ? baselineRunId : runIds.get(0);
    }
}
