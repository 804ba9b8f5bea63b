package nodus.classical;

/**
 * AUC as the Mann–Whitney statistic U / (n1·n0) with midranks for ties (= sklearn roc_auc_score). Used inside
 * the cross-validation and the model choice; the full ROC machinery (DeLong CIs etc.) lives in
 * {@code nodus.statistics} and is deliberately not duplicated here.
 */
final class RankAuc {

    private RankAuc() {
    }

    static double auc(double[] score, int[] label) {
        double[] r = Ranks.average(score);
        long n1 = 0;
        double sumPos = 0;
        for (int i = 0; i < score.length; i++) {
            if (label[i] == 1) {
                n1++;
                sumPos += r[i];
            }
        }
        long n0 = score.length - n1;
        if (n1 == 0 || n0 == 0) {
            throw new IllegalArgumentException("AUC needs both classes: " + n1 + " positive, " + n0 + " negative");
        }
        return (sumPos - n1 * (n1 + 1) / 2.0) / ((double) n1 * n0);
    }
}
