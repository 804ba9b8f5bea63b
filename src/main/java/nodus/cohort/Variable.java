package nodus.cohort;

import java.util.List;

/**
 * A typed clinical variable. For CATEGORICAL and ORDINAL variables {@code categories} lists the allowed values;
 * for ORDINAL its order is the category order (lowest first). Empty for NUMERIC.
 */
public record Variable(String name, VariableKind kind, List<String> categories, VariableRole role) {

    public Variable {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("variable name must not be blank");
        }
        if (kind == null || role == null) {
            throw new IllegalArgumentException("variable " + name + " needs a kind and a role");
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (kind == VariableKind.NUMERIC && !categories.isEmpty()) {
            throw new IllegalArgumentException("numeric variable " + name + " cannot have categories");
        }
        if (categories.stream().distinct().count() != categories.size()) {
            throw new IllegalArgumentException("variable " + name + " has duplicated categories " + categories);
        }
    }

    public static Variable numeric(String name, VariableRole role) {
        return new Variable(name, VariableKind.NUMERIC, List.of(), role);
    }

    public static Variable categorical(String name, VariableRole role, List<String> categories) {
        return new Variable(name, VariableKind.CATEGORICAL, categories, role);
    }

    public static Variable ordinal(String name, VariableRole role, List<String> categories) {
        return new Variable(name, VariableKind.ORDINAL, categories, role);
    }

    public boolean isCategorical() {
        return kind != VariableKind.NUMERIC;
    }

    public Variable withRole(VariableRole newRole) {
        return new Variable(name, kind, categories, newRole);
    }
}
