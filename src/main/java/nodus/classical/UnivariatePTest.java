package nodus.classical;

/**
 * Two-group univariate test used to screen clinical variables (positives vs negatives of the TRAIN part).
 * A small port so that the screening does not depend on which statistics implementation is wired in; the default
 * is {@link StatisticsUnivariateTests}, an adapter over {@code nodus.statistics.UnivariateTests}.
 */
@FunctionalInterface
public interface UnivariatePTest {

    /**
     * @param feature   variable name (for error messages)
     * @param type      continuous or categorical (values are category codes)
     * @param positives values of the positive cases (label 1)
     * @param negatives values of the negative cases (label 0)
     * @return two-sided p-value
     */
    double pValue(String feature, VariableType type, double[] positives, double[] negatives);
}
