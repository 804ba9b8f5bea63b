package nodus.statistics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Hosmer–Lemeshow goodness-of-fit test (Hosmer &amp; Lemeshow 1980): H = Σ_g (O1−E1)²/E1 + (O0−E0)²/E0 over the
 * non-empty groups, p from χ² with df = groups − 2. The grouping rule changes the result, so it is an explicit,
 * reported choice:
 * <ul>
 *   <li>{@link Grouping#EQUAL_SIZE}: stable sort by p, split into g groups of near-equal size, the first n mod g
 *       groups one case larger (numpy array_split);</li>
 *   <li>{@link Grouping#QUANTILE_CUT}: breaks at the quantiles of p (type 7, duplicates merged), intervals (a, b]
 *       with the first closed — R ResourceSelection::hoslem.test.</li>
 * </ul>
 * A term whose expected count is 0 contributes 0 when the observed count is also 0 (and +∞ otherwise).
 */
public final class HosmerLemeshow {

    private HosmerLemeshow() {
    }

    public enum Grouping {
        EQUAL_SIZE("equal_size"), QUANTILE_CUT("quantile_cut");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One group of the table.
     *
     * @param n cases
     * @param observedEvents O1
     * @param expectedEvents E1 = Σ p
     * @param minP smallest probability in the group
     * @param maxP largest probability in the group
     */
    public record Group(int n, int observedEvents, double expectedEvents, double minP, double maxP) {

        public int observedNonEvents() {
            return n - observedEvents;
        }

        public double expectedNonEvents() {
            return n - expectedEvents;
        }
    }

    /**
     * @param statistic H
     * @param df degrees of freedom = groups − 2
     * @param p upper-tail χ² probability (NaN when df ≤ 0)
     * @param grouping the rule used
     * @param groups the non-empty groups, ascending in p
     */
    public record Result(double statistic, int df, double p, Grouping grouping, List<Group> groups) {

        public Result {
            groups = List.copyOf(groups);
        }
    }

    public static Result test(double[] labels, double[] probabilities, int g, Grouping grouping) {
        Checks.probabilities(labels, probabilities);
        return test(labels, probabilities, g, grouping, Sorted.sortedCopy(probabilities));
    }

    /** As {@link #test(double[], double[], int, Grouping)} with the probabilities checked and sorted. */
    static Result test(double[] labels, double[] probabilities, int g, Grouping grouping, double[] sorted) {
        if (g < 3) {
            throw new IllegalArgumentException("Hosmer–Lemeshow needs at least 3 groups, got " + g);
        }
        int n = labels.length;
        int[] order = Sorted.argsortStable(probabilities, sorted);
        int[] groupOf = new int[n];
        int groupCount;
        if (grouping == Grouping.EQUAL_SIZE) {
            int base = n / g;
            int extra = n % g;
            int pos = 0;
            for (int k = 0; k < g; k++) {
                int size = base + (k < extra ? 1 : 0);
                for (int j = 0; j < size; j++) {
                    groupOf[order[pos++]] = k;
                }
            }
            groupCount = g;
        } else {
            double[] raw = new double[g + 1];
            for (int k = 0; k <= g; k++) {
                raw[k] = Sorted.numpyQuantile(sorted, Sorted.linspace01(k, g));
            }
            double[] breaks = java.util.Arrays.stream(raw).distinct().sorted().toArray();
            groupCount = Math.max(1, breaks.length - 1);
            for (int i = 0; i < n; i++) {
                int k = Sorted.countBelow(breaks, probabilities[i]) - 1; // (a, b], first interval closed
                groupOf[i] = Math.min(Math.max(k, 0), groupCount - 1);
            }
        }
        int[] size = new int[groupCount];
        int[] obs = new int[groupCount];
        double[] exp = new double[groupCount];
        double[] min = new double[groupCount];
        double[] max = new double[groupCount];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int idx : order) { // ascending p, so sums run in the same order as the reference
            int k = groupOf[idx];
            size[k]++;
            obs[k] += (int) labels[idx];
            exp[k] += probabilities[idx];
            min[k] = Math.min(min[k], probabilities[idx]);
            max[k] = Math.max(max[k], probabilities[idx]);
        }
        List<Group> groups = new ArrayList<>();
        double h = 0;
        for (int k = 0; k < groupCount; k++) {
            if (size[k] == 0) {
                continue;
            }
            Group gr = new Group(size[k], obs[k], exp[k], min[k], max[k]);
            groups.add(gr);
            h += term(gr.observedEvents(), gr.expectedEvents()) + term(gr.observedNonEvents(), gr.expectedNonEvents());
        }
        int df = groups.size() - 2;
        double p = df > 0 ? ChiSquaredDistribution.of(df).survivalProbability(h) : Double.NaN;
        return new Result(h, df, p, grouping, groups);
    }

    private static double term(double observed, double expected) {
        if (expected == 0) {
            return observed == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double d = observed - expected;
        return d * d / expected;
    }
}
