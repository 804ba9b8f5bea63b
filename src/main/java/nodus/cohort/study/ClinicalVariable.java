package nodus.cohort.study;

import java.util.List;

/**
 * A clinical predictor of a study: its name, kind and — for categorical and ordinal variables — its categories in
 * their order (the first is the reference level when it is dummy-coded).
 */
public record ClinicalVariable(String name, VariableKind kind, List<String> categories) {
    public ClinicalVariable {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("variable name must not be blank");
        }
        if (kind == null) {
            throw new IllegalArgumentException("variable " + name + " needs a kind");
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (kind != VariableKind.NUMERIC && categories.isEmpty()) {
            throw new IllegalArgumentException("variable " + name + " is " + kind + " but has no categories");
        }
    }
}
