package nodus.cohort;

/** How a clinical column is typed: a number, an unordered category, or an ordered category. */
public enum VariableKind {
    NUMERIC, CATEGORICAL, ORDINAL
}
