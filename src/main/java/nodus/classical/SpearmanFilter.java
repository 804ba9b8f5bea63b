package nodus.classical;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Redundancy filter on the TRAIN part (raw features, Spearman ρ with average ranks for ties).
 *
 * <p>Rule (identical to {@code spearman_filter} in the shared reference, make_reference.py): while some pair of
 * remaining features has |ρ| &gt; threshold (0.9 by default, strictly greater), remove ONE feature — the one with
 * the most partners with |ρ| &gt; threshold among the remaining features; ties are broken by the larger mean |ρ| to
 * the other remaining features (sum of |ρ| over the others divided by (remaining − 1)); remaining ties by the lower
 * original column index. Then recount on the remaining features and repeat. Removing one at a time (instead of one
 * of each correlated pair) keeps a feature whose only redundant partners have already gone.
 */
public final class SpearmanFilter {

    public static final double DEFAULT_THRESHOLD = 0.9;

    private SpearmanFilter() {
    }

    /** One removal: the feature, its partner count above the threshold and its mean |ρ| when it was removed. */
    public record Removal(String feature, int partnersAboveThreshold, double meanAbsRho) {
    }

    /** The fitted filter: removal order, kept features (in original order) and what it was fitted on. */
    public record Result(double threshold, List<Removal> removedInOrder, List<String> kept, FittedOn fittedOn) {
        public Result {
            removedInOrder = List.copyOf(removedInOrder);
            kept = List.copyOf(kept);
            Objects.requireNonNull(fittedOn);
        }

        /** The table restricted to the kept features. */
        public FeatureTable apply(FeatureTable t) {
            return t.select(kept);
        }
    }

    public static Result fit(PartTable train) {
        return fit(train, DEFAULT_THRESHOLD);
    }

    public static Result fit(PartTable train, double threshold) {
        FittedOn fittedOn = LeakageGuard.fitOn("spearman-filter", train);
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0,1): " + threshold);
        }
        FeatureTable t = train.table();
        double[][] rho = Spearman.matrix(t);
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < t.columns(); j++) {
            keep.add(j);
        }
        List<Removal> removed = new ArrayList<>();
        while (keep.size() > 1) {
            int best = -1;
            int bestCount = 0;
            double bestMean = 0;
            for (int a = 0; a < keep.size(); a++) {
                int count = 0;
                double sum = 0;
                for (int b = 0; b < keep.size(); b++) {
                    if (a == b) {
                        continue;
                    }
                    double r = Math.abs(rho[keep.get(a)][keep.get(b)]);
                    if (Double.isNaN(r)) {
                        continue;
                    }
                    sum += r;
                    if (r > threshold) {
                        count++;
                    }
                }
                double mean = sum / (keep.size() - 1);
                // keep is in ascending column order, so strict '>' keeps the lower index on a full tie
                if (count > bestCount || (count == bestCount && count > 0 && mean > bestMean)) {
                    best = a;
                    bestCount = count;
                    bestMean = mean;
                }
            }
            if (bestCount == 0) {
                break;
            }
            removed.add(new Removal(t.featureNames().get(keep.get(best)), bestCount, bestMean));
            keep.remove(best);
        }
        List<String> kept = keep.stream().map(t.featureNames()::get).toList();
        return new Result(threshold, removed, kept, fittedOn);
    }
}
