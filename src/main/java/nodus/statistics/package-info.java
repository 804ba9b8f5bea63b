/**
 * Paper-grade evaluation statistics, equal to the reference tools (pROC, scikit-learn, dcurves, scipy): ROC/AUC
 * with DeLong variance and tests, Youden threshold and Wilson intervals, decision curves, calibration and
 * Hosmer–Lemeshow, NRI/IDI, multi-class one-vs-rest metrics and the univariate tests of Table 1.
 *
 * <p>Pure Java: no Spring, no Vaadin, no other {@code nodus} package (see docs/architecture.md). The single entry
 * point for a binary model is {@link nodus.statistics.BinaryEvaluation#evaluate}; comparisons of two models on the
 * same cases go through {@link nodus.statistics.DeLong#pairedTest} and {@link nodus.statistics.Reclassification}.
 *
 * <p>Conventions (all inputs): labels are 0/1 doubles with 1 = event (e.g. metastasis); scores are real numbers,
 * higher = more likely event; "positive" means {@code score >= threshold}. Invalid inputs throw
 * {@link java.lang.IllegalArgumentException} with a message naming the offending index.
 */
package nodus.statistics;
