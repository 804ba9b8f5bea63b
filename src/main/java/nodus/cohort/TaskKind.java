package nodus.cohort;

/**
 * How a task derives its label from an outcome column: BINARY splits all values into two classes (N0 vs N+(≥1));
 * BINARY_SUBSET uses two classes on a subset of the values (N+(1–2) vs N+(≥3); other cases are not in the task);
 * MULTICLASS has three or more classes (N0 / N+(1–2) / N+(≥3)).
 */
public enum TaskKind {
    BINARY, BINARY_SUBSET, MULTICLASS
}
