package nodus.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-class evaluation from class probabilities: the predicted class is the arg-max (first on ties); confusion
 * matrix (rows = true, columns = predicted), accuracy, and per class the one-vs-rest metrics and AUC with DeLong CI
 * (scikit-learn {@code roc_auc_score(multi_class="ovr", average="macro")} for the macro AUC).
 */
public final class MultiClassEvaluation {

    private MultiClassEvaluation() {
    }

    /**
     * One-vs-rest figures of one class.
     *
     * @param classIndex the class k
     * @param metrics counts and Wilson-interval proportions of "predicted k" vs "is k" (threshold NaN: arg-max rule)
     * @param auc one-vs-rest AUC of p_k with DeLong CI
     */
    public record PerClass(int classIndex, ThresholdMetrics metrics, AucEstimate auc) {
    }

    /**
     * @param confusion counts, rows = true class, columns = predicted class
     * @param accuracy overall proportion correct with Wilson CI
     * @param perClass one entry per class
     * @param macroAuc unweighted mean of the one-vs-rest AUCs
     */
    public record Result(long[][] confusion, Proportion accuracy, List<PerClass> perClass, double macroAuc) {
    }

    public static Result evaluate(int[] labels, double[][] probabilities) {
        int n = labels.length;
        if (n == 0 || probabilities.length != n) {
            throw new IllegalArgumentException("need one probability row per label (" + n + " labels, "
                    + probabilities.length + " rows)");
        }
        int k = probabilities[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 classes");
        }
        long[][] cm = new long[k][k];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            if (probabilities[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + probabilities[i].length
                        + " probabilities, expected " + k);
            }
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label[" + i + "] = " + labels[i] + " is not a class 0.." + (k - 1));
            }
            int best = 0;
            for (int c = 0; c < k; c++) {
                if (Double.isNaN(probabilities[i][c])) {
                    throw new IllegalArgumentException("probability[" + i + "][" + c + "] is NaN");
                }
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            predicted[i] = best;
            cm[labels[i]][best]++;
        }
        long correct = 0;
        for (int c = 0; c < k; c++) {
            correct += cm[c][c];
        }
        List<PerClass> per = new ArrayList<>();
        double sumAuc = 0;
        for (int c = 0; c < k; c++) {
            long tp = cm[c][c];
            long fn = 0;
            long fp = 0;
            for (int j = 0; j < k; j++) {
                if (j != c) {
                    fn += cm[c][j];
                    fp += cm[j][c];
                }
            }
            long tn = n - tp - fn - fp;
            double[] y = new double[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = labels[i] == c ? 1 : 0;
                s[i] = probabilities[i][c];
            }
            AucEstimate auc = DeLong.auc(y, s);
            sumAuc += auc.auc();
            per.add(new PerClass(c, ThresholdMetrics.of(Double.NaN, "argmax", tp, fp, tn, fn), auc));
        }
        return new Result(cm, Proportion.wilson(correct, n), per, sumAuc / k);
    }
}
