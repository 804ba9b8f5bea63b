package nodus.cohort;

import java.util.List;

/**
 * The baseline-characteristics table ("Table 1"): for each part (or "All"), one column per label class and a
 * p-value for the difference between the classes within that part.
 *
 * @param parts part headings in column order (e.g. Training, Validation, Test)
 * @param classes label class names
 * @param counts per part, the number of cases of each class
 * @param rows the rows: a variable row (continuous: the summary; categorical: the test) followed, for categorical
 *     variables, by one row per level
 */
public record Table1(List<String> parts, List<String> classes, List<long[]> counts, List<Row> rows) {

    public Table1 {
        parts = List.copyOf(parts);
        classes = List.copyOf(classes);
        counts = List.copyOf(counts);
        rows = List.copyOf(rows);
    }

    /**
     * One row. {@code level} is null on a variable's first row. {@code cells.get(part).get(class)} is the text
     * ("mean ± SD" or "n (%)", or "" on the heading row of a categorical variable); {@code p} and {@code test} per
     * part are set on the variable's first row only (NaN / "" elsewhere or when the test is not defined).
     */
    public record Row(String variable, String level, List<List<String>> cells, double[] p, List<String> test) {
        public Row {
            cells = cells.stream().map(List::copyOf).toList();
            test = List.copyOf(test);
            p = p.clone();
        }
    }
}
