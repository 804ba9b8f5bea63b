package nodus.statistics;

/**
 * Result of a univariate hypothesis test.
 *
 * @param test name, e.g. "student_t", "welch_t", "mann_whitney_u", "chi_square", "fisher_exact"
 * @param statistic test statistic (t, U of the first group, χ², sample odds ratio for Fisher, K² for normality)
 * @param df degrees of freedom (NaN when the test has none)
 * @param p two-sided p-value
 */
public record TestResult(String test, double statistic, double df, double p) {

    public TestResult {
        if (test == null || test.isBlank()) {
            throw new IllegalArgumentException("test name is required");
        }
    }
}
