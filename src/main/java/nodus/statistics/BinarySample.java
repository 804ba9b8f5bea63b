package nodus.statistics;

/**
 * Validated labels and scores with the event and non-event scores sorted once, shared by the estimators of one
 * {@link BinaryEvaluation} so that 100,000 cases are sorted once rather than once per estimator.
 */
final class BinarySample {

    final double[] labels;
    final double[] scores;
    final double[] pos;
    final double[] neg;
    final double[] posSorted;
    final double[] negSorted;
    private double[] allSorted;

    private BinarySample(double[] labels, double[] scores) {
        Checks.binary(labels, scores);
        this.labels = labels;
        this.scores = scores;
        this.pos = Sorted.select(scores, labels, 1.0);
        this.neg = Sorted.select(scores, labels, 0.0);
        this.posSorted = Sorted.sortedCopy(pos);
        this.negSorted = Sorted.sortedCopy(neg);
    }

    static BinarySample of(double[] labels, double[] scores) {
        return new BinarySample(labels, scores);
    }

    int positives() {
        return pos.length;
    }

    int negatives() {
        return neg.length;
    }

    int size() {
        return labels.length;
    }

    /** All scores ascending (merge of the two sorted classes). */
    double[] allSorted() {
        if (allSorted == null) {
            double[] out = new double[scores.length];
            int i = 0;
            int j = 0;
            int k = 0;
            while (i < posSorted.length && j < negSorted.length) {
                out[k++] = posSorted[i] <= negSorted[j] ? posSorted[i++] : negSorted[j++];
            }
            while (i < posSorted.length) {
                out[k++] = posSorted[i++];
            }
            while (j < negSorted.length) {
                out[k++] = negSorted[j++];
            }
            allSorted = out;
        }
        return allSorted;
    }
}
