package nodus.deeplearning.training;

/**
 * ROC AUC by the Mann–Whitney U statistic with mid-ranks for ties: AUC = (R₁ − n₁(n₁+1)/2) / (n₁·n₀),
 * R₁ the rank sum of the positives (Hanley &amp; McNeil 1982). Used only to select epochs (early stopping, best
 * checkpoint); a run's reported metrics come from the statistics engine.
 */
public final class Auc {

    private Auc() {
    }

    /** @return the AUC of {@code scores} for {@code positive[i]}, or NaN when a class is absent */
    public static double of(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[idx[k]]) {
                    rankSum += mid;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Binary: AUC of class 1's probability; multi-class: the mean one-vs-rest AUC over classes. */
    public static double ofProbabilities(float[][] probabilities, int[] labels) {
        int classes = probabilities.length == 0 ? 2 : probabilities[0].length;
        int first = classes == 2 ? 1 : 0;
        double sum = 0;
        int counted = 0;
        for (int c = first; c < classes; c++) {
            double[] s = new double[labels.length];
            boolean[] p = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                s[i] = probabilities[i][c];
                p[i] = labels[i] == c;
            }
            double a = of(s, p);
            if (!Double.isNaN(a)) {
                sum += a;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
