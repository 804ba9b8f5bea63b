package nodus.cohort;

import java.util.List;

/** What type detection made of one column: its kind, categories (sorted), how many cells are missing, examples. */
public record ColumnGuess(String column, VariableKind kind, List<String> categories, int missing,
        List<String> examples) {

    public ColumnGuess {
        categories = List.copyOf(categories);
        examples = List.copyOf(examples);
    }
}
