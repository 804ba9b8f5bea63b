package nodus.statistics;

/**
 * A proportion k/n with its Wilson score interval (Wilson 1927; recommended over Wald by Brown, Cai &amp; DasGupta
 * 2001): centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²). Matches statsmodels
 * {@code proportion_confint(method="wilson")}. With n = 0 the estimate and interval are NaN.
 *
 * @param successes numerator k
 * @param trials denominator n
 * @param estimate k/n
 * @param ciLow lower end of the Wilson interval
 * @param ciHigh upper end of the Wilson interval
 */
public record Proportion(long successes, long trials, double estimate, double ciLow, double ciHigh) {

    public Proportion {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + "/" + trials);
        }
    }

    public static Proportion wilson(long successes, long trials) {
        return wilson(successes, trials, 0.95);
    }

    public static Proportion wilson(long successes, long trials, double level) {
        if (trials == 0) {
            return new Proportion(successes, trials, Double.NaN, Double.NaN, Double.NaN);
        }
        double z = Normal.critical(level);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Proportion(successes, trials, p, Math.max(0.0, centre - half), Math.min(1.0, centre + half));
    }
}
