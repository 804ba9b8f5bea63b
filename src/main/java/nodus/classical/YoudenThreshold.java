package nodus.classical;

import java.util.Arrays;

/**
 * Operating threshold chosen on the TRAIN part by Youden's J = sensitivity + specificity − 1 (positive if
 * score ≥ threshold; among equal J the highest threshold, as the shared reference's sklearn-based rule).
 */
public final class YoudenThreshold {

    public record Threshold(double value, double youdenJ, FittedOn fittedOn) {
    }

    private YoudenThreshold() {
    }

    /** {@code scores[i]} belongs to row i of the TRAIN table. */
    public static Threshold fit(PartTable train, double[] scores) {
        FittedOn fittedOn = LeakageGuard.fitOn("threshold", train);
        int[] y = train.table().labels();
        if (scores.length != y.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + y.length + " cases");
        }
        int n1 = Arrays.stream(y).sum();
        int n0 = y.length - n1;
        if (n1 == 0 || n0 == 0) {
            throw new IllegalArgumentException("threshold needs both classes");
        }
        double[] thr = Arrays.stream(scores).distinct().sorted().toArray();
        double bestJ = Double.NEGATIVE_INFINITY;
        double best = Double.NaN;
        for (int k = thr.length - 1; k >= 0; k--) { // descending: the first maximum is the highest threshold
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < y.length; i++) {
                if (scores[i] >= thr[k]) {
                    if (y[i] == 1) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            double j = (double) tp / n1 - (double) fp / n0;
            if (j > bestJ) {
                bestJ = j;
                best = thr[k];
            }
        }
        return new Threshold(best, bestJ, fittedOn);
    }
}
