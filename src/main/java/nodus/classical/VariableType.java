package nodus.classical;

/** How a clinical variable is screened: rank test for continuous/ordinal, contingency test for categorical codes. */
public enum VariableType {
    CONTINUOUS, CATEGORICAL
}
