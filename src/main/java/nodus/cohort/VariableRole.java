package nodus.cohort;

/**
 * What a clinical column is for. EXCLUDED columns are kept and shown but never offered as predictors (e.g. a
 * radiologist's BI-RADS conclusion, which leaks the label); OUTCOME columns are what tasks derive labels from.
 */
public enum VariableRole {
    PREDICTOR, OUTCOME, EXCLUDED
}
