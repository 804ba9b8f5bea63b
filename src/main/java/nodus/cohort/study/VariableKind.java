package nodus.cohort.study;

/** How a clinical variable is measured; decides its summary (mean ± SD vs n (%)) and its test. */
public enum VariableKind {
    NUMERIC, CATEGORICAL, ORDINAL
}
