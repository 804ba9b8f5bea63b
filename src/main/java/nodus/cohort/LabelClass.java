package nodus.cohort;

import java.util.List;

/** A class of a task: its display name and the outcome-column values that belong to it. */
public record LabelClass(String name, List<String> values) {

    public LabelClass {
        if (name == null || name.isBlank() || values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a label class needs a name and at least one value");
        }
        values = List.copyOf(values);
    }
}
