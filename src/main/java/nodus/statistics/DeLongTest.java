package nodus.statistics;

/**
 * DeLong test of the difference of two AUCs, A − B (pROC {@code roc.test(method = "delong")}).
 *
 * @param paired true for two models on the same cases (covariance term included), false for independent samples
 * @param aucA AUC of model A
 * @param aucB AUC of model B
 * @param difference aucA − aucB
 * @param variance variance of the difference: varA + varB − 2·covAB (paired) or varA + varB (unpaired)
 * @param z difference / √variance; NaN when the variance is 0 (e.g. identical rankings). For the unpaired test
 *     this is pROC's t statistic "D".
 * @param p two-sided p-value: 2·(1 − Φ(|z|)) paired; 2·P(T_df &lt; −|z|) unpaired (pROC)
 * @param ciLow lower end of the CI of the difference (not clipped; normal or t quantile as for p)
 * @param ciHigh upper end of the CI of the difference
 * @param df degrees of freedom of the reference distribution: +∞ (standard normal) for the paired test, the
 *     Welch–Satterthwaite-type df of pROC's {@code delong.unpaired.test} for the unpaired test
 */
public record DeLongTest(boolean paired, double aucA, double aucB, double difference, double variance, double z,
                         double p, double ciLow, double ciHigh, double df) {
}
