/**
 * Classical models (the only package importing {@code org.tribuo}): Spearman redundancy filter, z-score, LASSO
 * logistic regression with stratified CV, the radiomics signature, univariate screening and the clinical model,
 * PCA of deep features, the combined model (LASSO → SVM/LR chosen on validation) — all on plain
 * {@link nodus.classical.FeatureTable}s, every fit guarded to the TRAIN part by {@link nodus.classical.LeakageGuard}
 * and carrying a {@link nodus.classical.FittedOn} (and, for models, a {@link nodus.classical.FitProvenance}).
 * Rules and reference checks: docs/classical.md.
 */
package nodus.classical;
