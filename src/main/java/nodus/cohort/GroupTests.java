package nodus.cohort;

import java.util.Arrays;
import java.util.List;
import nodus.statistics.TestResult;
import nodus.statistics.UnivariateTests;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.OneWayAnova;

/**
 * The tests Table 1 uses for a continuous variable across three or more classes (the 3-class task N0 / N+(1–2) /
 * N+(≥3)), chosen by the same normality rule as the two-class t test / Mann–Whitney U choice: one-way ANOVA when
 * every class sample looks normal ({@link UnivariateTests#looksNormal}: n ≥ 20 and D'Agostino–Pearson K² not
 * rejecting at α = 0.05), otherwise the Kruskal–Wallis H test. Checked against scipy 1.17.1 ({@code f_oneway},
 * {@code kruskal}) in Table1ThreeClassReferenceTest.
 *
 * <p>The statistics package offers no k-group tests; these live here because only Table 1 needs them. ANOVA is
 * commons-statistics-inference's {@link OneWayAnova}; Kruskal–Wallis (not in commons-statistics 1.2) is computed
 * directly below.
 */
final class GroupTests {

    private GroupTests() {
    }

    /** ANOVA or Kruskal–Wallis by the normality rule; null when fewer than two groups have at least 2 values. */
    static TestResult compare(List<double[]> groups) {
        List<double[]> used = groups.stream().filter(g -> g.length >= 2).toList();
        if (used.size() < 2) {
            return null;
        }
        if (used.size() == 2) {
            return Table1Builder.compare(used.get(0), used.get(1));
        }
        return used.stream().allMatch(UnivariateTests::looksNormal) ? anova(used) : kruskalWallis(used);
    }

    /** One-way ANOVA F test (scipy {@code f_oneway}); df = (k − 1, N − k). */
    static TestResult anova(List<double[]> groups) {
        OneWayAnova.Result r = OneWayAnova.withDefaults().test(groups);
        return new TestResult("anova", r.getStatistic(), groups.size() - 1.0, r.getPValue());
    }

    /**
     * Kruskal–Wallis H test (Kruskal &amp; Wallis 1952) with the tie correction, as scipy {@code kruskal}:
     * H = 12 / (N(N + 1)) · Σ R_i² / n_i − 3(N + 1), divided by C = 1 − Σ(t³ − t) / (N³ − N) over tie groups of size
     * t; p from χ²(k − 1). Ranks are mid-ranks over the pooled sample.
     */
    static TestResult kruskalWallis(List<double[]> groups) {
        int k = groups.size();
        int n = groups.stream().mapToInt(g -> g.length).sum();
        double[] values = new double[n];
        int[] group = new int[n];
        int pos = 0;
        for (int g = 0; g < k; g++) {
            for (double x : groups.get(g)) {
                values[pos] = x;
                group[pos++] = g;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] rankSum = new double[k];
        double ties = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // ranks i+1 … j+1 share their mean
            for (int m = i; m <= j; m++) {
                rankSum[group[order[m]]] += midRank;
            }
            double t = j - i + 1;
            ties += t * t * t - t;
            i = j + 1;
        }
        double sum = 0;
        for (int g = 0; g < k; g++) {
            sum += rankSum[g] * rankSum[g] / groups.get(g).length;
        }
        double h = 12.0 / ((double) n * (n + 1)) * sum - 3.0 * (n + 1);
        double c = 1 - ties / ((double) n * n * n - n);
        if (c <= 0) {
            return new TestResult("kruskal_wallis", Double.NaN, k - 1.0, Double.NaN); // all values equal
        }
        h /= c;
        return new TestResult("kruskal_wallis", h, k - 1.0, ChiSquaredDistribution.of(k - 1.0).survivalProbability(h));
    }
}
