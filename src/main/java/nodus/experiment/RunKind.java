package nodus.experiment;

/** What a run builds: the model variants of the reference study. */
public enum RunKind {
    /** Radiomics signature: features → Spearman filter → z-score → LASSO. */
    RADIOMICS,
    /** Clinical model: univariate screening → LASSO / logistic regression. */
    CLINICAL,
    /** Combined model: clinical + signature + PCA of deep features → LASSO → SVM or LR. */
    COMBINED,
    /** Fine-tuning of an ImageNet-pretrained CNN backbone. */
    FINETUNE
}
