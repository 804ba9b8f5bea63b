package nodus.statistics;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** The standard normal distribution, for Wald intervals and z tests. */
final class Normal {

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Normal() {
    }

    /** Two-sided critical value z_{1−(1−level)/2}; 1.959963984540054 for level 0.95 (R qnorm(0.975)). */
    static double critical(double level) {
        Checks.level(level);
        return STANDARD.inverseSurvivalProbability((1 - level) / 2);
    }

    /** Two-sided p-value 2·(1 − Φ(|z|)), computed from the survival function to keep tiny p-values exact. */
    static double twoSidedP(double z) {
        return Double.isNaN(z) ? Double.NaN : 2 * STANDARD.survivalProbability(Math.abs(z));
    }
}
