package nodus.statistics;

/** Input validation shared by the estimators; messages name the first offending index. */
final class Checks {

    private Checks() {
    }

    /** Labels 0/1 and finite scores of equal length; returns the number of positives. Both classes required. */
    static int binary(double[] labels, double[] scores) {
        if (labels == null || scores == null) {
            throw new IllegalArgumentException("labels and scores are required");
        }
        if (labels.length != scores.length) {
            throw new IllegalArgumentException("labels (" + labels.length + ") and scores (" + scores.length
                    + ") differ in length");
        }
        int pos = 0;
        for (int i = 0; i < labels.length; i++) {
            double y = labels[i];
            if (y != 0.0 && y != 1.0) {
                throw new IllegalArgumentException("label[" + i + "] is " + y + ", expected 0 or 1");
            }
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score[" + i + "] is NaN");
            }
            if (Double.isInfinite(scores[i])) {
                throw new IllegalArgumentException("score[" + i + "] is infinite");
            }
            if (y == 1.0) {
                pos++;
            }
        }
        if (pos == 0 || pos == labels.length) {
            throw new IllegalArgumentException("only one class present (all " + labels.length + " labels are "
                    + (pos == 0 ? "0" : "1") + "); ROC/AUC needs both events and non-events");
        }
        return pos;
    }

    /** As {@link #binary} and additionally every score a probability in [0, 1]. */
    static int probabilities(double[] labels, double[] scores) {
        int pos = binary(labels, scores);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] < 0.0 || scores[i] > 1.0) {
                throw new IllegalArgumentException("score[" + i + "] = " + scores[i]
                        + " is not a probability in [0, 1]");
            }
        }
        return pos;
    }

    static boolean allProbabilities(double[] scores) {
        for (double s : scores) {
            if (!(s >= 0.0 && s <= 1.0)) {
                return false;
            }
        }
        return true;
    }

    static void level(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }
}
