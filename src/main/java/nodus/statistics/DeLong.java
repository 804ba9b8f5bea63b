package nodus.statistics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * DeLong's nonparametric AUC variance (DeLong, DeLong &amp; Clarke-Pearson 1988) by the fast algorithm of Sun &amp;
 * Xu (2014, IEEE SPL 21:1389): the structural components are obtained from midranks, here as counts on sorted
 * arrays, so the whole computation is O(n log n) instead of O(m·n).
 *
 * <p>For event i with score x_i, V10_i = (#{non-events below x_i} + ½·#{ties}) / n; for non-event j,
 * V01_j = (#{events above y_j} + ½·#{ties}) / m. AUC = mean(V10) = mean(V01);
 * Var = S10/m + S01/n with S the sample variances (denominator m−1 resp. n−1), as pROC.
 */
public final class DeLong {

    private DeLong() {
    }

    /** AUC with DeLong 95% CI. */
    public static AucEstimate auc(double[] labels, double[] scores) {
        return auc(labels, scores, 0.95);
    }

    public static AucEstimate auc(double[] labels, double[] scores, double level) {
        return auc(BinarySample.of(labels, scores), level);
    }

    static AucEstimate auc(BinarySample sample, double level) {
        Components c = Components.of(sample);
        double var = c.variance();
        return estimate(c.auc, var, level, c.v10.length, c.v01.length);
    }

    static AucEstimate estimate(double auc, double var, double level, int m, int n) {
        double se = Math.sqrt(var);
        double z = Normal.critical(level);
        double lo = Double.isNaN(se) ? Double.NaN : Math.max(0.0, auc - z * se);
        double hi = Double.isNaN(se) ? Double.NaN : Math.min(1.0, auc + z * se);
        return new AucEstimate(auc, var, se, lo, hi, level, m, n);
    }

    /**
     * Paired DeLong test of two models scored on the SAME cases (same order): z = (AUC_A − AUC_B) /
     * √(varA + varB − 2·covAB), two-sided p; 95% Wald CI of the difference.
     */
    public static DeLongTest pairedTest(double[] labels, double[] scoresA, double[] scoresB) {
        return pairedTest(labels, scoresA, scoresB, 0.95);
    }

    public static DeLongTest pairedTest(double[] labels, double[] scoresA, double[] scoresB, double level) {
        Components a = Components.of(labels, scoresA);
        Components b = Components.of(labels, scoresB);
        int m = a.v10.length;
        int n = a.v01.length;
        double cov = covariance(a.v10, b.v10) / m + covariance(a.v01, b.v01) / n;
        double var = a.variance() + b.variance() - 2 * cov;
        return test(true, a.auc, b.auc, var, level);
    }

    /**
     * Paired test for two prediction sets identified by case id. Refuses (IllegalArgumentException) when the case
     * sets differ or a case has different labels, because the covariance term is only defined for the same cases;
     * use {@link #unpairedTest} for different cohorts.
     */
    public static DeLongTest pairedTest(List<String> idsA, double[] labelsA, double[] scoresA,
                                        List<String> idsB, double[] labelsB, double[] scoresB) {
        java.util.Map<String, Integer> indexB = new java.util.HashMap<>();
        for (int i = 0; i < idsB.size(); i++) {
            indexB.put(idsB.get(i), i);
        }
        Set<String> onlyA = new HashSet<>();
        double[] alignedB = new double[idsA.size()];
        for (int i = 0; i < idsA.size(); i++) {
            Integer j = indexB.get(idsA.get(i));
            if (j == null) {
                onlyA.add(idsA.get(i));
                continue;
            }
            if (labelsB[j] != labelsA[i]) {
                throw new IllegalArgumentException("case '" + idsA.get(i) + "' has label " + labelsA[i]
                        + " in A but " + labelsB[j] + " in B; a paired test needs the same cases");
            }
            alignedB[i] = scoresB[j];
        }
        int onlyB = idsB.size() - (idsA.size() - onlyA.size());
        if (!onlyA.isEmpty() || onlyB != 0) {
            throw new IllegalArgumentException("the paired DeLong test needs the same cases in both prediction "
                    + "sets, but " + onlyA.size() + " case id(s) are only in A and " + onlyB
                    + " only in B; use the unpaired test for different case sets");
        }
        return pairedTest(labelsA, scoresA, alignedB);
    }

    /**
     * Unpaired DeLong test for two AUCs from independent samples, as pROC {@code roc.test(paired = FALSE,
     * method = "delong")}: D = (A − B) / √(varA + varB) referred to a t distribution with
     * df = (varA + varB)² / (varA²/(N_A − 1) + varB²/(N_B − 1)), N the number of cases of each curve.
     */
    public static DeLongTest unpairedTest(AucEstimate a, AucEstimate b) {
        if (a.level() != b.level()) {
            throw new IllegalArgumentException("the two AUC estimates have different confidence levels");
        }
        double var = a.variance() + b.variance();
        double nA = a.positives() + a.negatives();
        double nB = b.positives() + b.negatives();
        double df = var * var / (a.variance() * a.variance() / (nA - 1) + b.variance() * b.variance() / (nB - 1));
        double diff = a.auc() - b.auc();
        double se = Math.sqrt(var);
        double t = var > 0 ? diff / se : Double.NaN;
        if (!(df > 0)) {
            return new DeLongTest(false, a.auc(), b.auc(), diff, var, t, Double.NaN, Double.NaN, Double.NaN, df);
        }
        TDistribution dist = TDistribution.of(df);
        double p = Double.isNaN(t) ? Double.NaN : 2 * dist.cumulativeProbability(-Math.abs(t));
        double crit = dist.inverseSurvivalProbability((1 - a.level()) / 2);
        return new DeLongTest(false, a.auc(), b.auc(), diff, var, t, p, diff - crit * se, diff + crit * se, df);
    }

    private static DeLongTest test(boolean paired, double aucA, double aucB, double var, double level) {
        double diff = aucA - aucB;
        double se = Math.sqrt(var);
        double z = var > 0 ? diff / se : Double.NaN;
        double crit = Normal.critical(level);
        return new DeLongTest(paired, aucA, aucB, diff, var, z, Normal.twoSidedP(z), diff - crit * se,
                diff + crit * se, Double.POSITIVE_INFINITY);
    }

    /** Sample covariance with n−1 denominator (NaN for a single element, as R's cov). */
    static double covariance(double[] x, double[] y) {
        int k = x.length;
        double mx = mean(x);
        double my = mean(y);
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (k - 1);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Structural components V10 (per event) and V01 (per non-event). */
    record Components(double[] v10, double[] v01, double auc) {

        static Components of(double[] labels, double[] scores) {
            return of(BinarySample.of(labels, scores));
        }

        static Components of(BinarySample s) {
            return of(s.pos, s.neg, s.posSorted, s.negSorted);
        }

        static Components of(double[] pos, double[] neg, double[] posSorted, double[] negSorted) {
            int m = pos.length;
            int n = neg.length;
            double[] v10 = new double[m];
            long twiceWins = 0; // 2·(#pairs event > non-event) + #tied pairs: exact integer AUC numerator
            for (int i = 0; i < m; i++) {
                int below = Sorted.countBelow(negSorted, pos[i]);
                int ties = Sorted.countAtOrBelow(negSorted, pos[i]) - below;
                v10[i] = (below + 0.5 * ties) / n;
                twiceWins += 2L * below + ties;
            }
            double[] v01 = new double[n];
            for (int j = 0; j < n; j++) {
                int atOrBelow = Sorted.countAtOrBelow(posSorted, neg[j]);
                int ties = atOrBelow - Sorted.countBelow(posSorted, neg[j]);
                v01[j] = (m - atOrBelow + 0.5 * ties) / m;
            }
            return new Components(v10, v01, twiceWins / (2.0 * m * n));
        }

        double variance() {
            return covariance(v10, v10) / v10.length + covariance(v01, v01) / v01.length;
        }
    }
}
