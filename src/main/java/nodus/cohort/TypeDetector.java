package nodus.cohort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Guesses column types for the mapping step: a column is NUMERIC when every non-missing cell is a number and it has
 * more than {@value #MAX_CODES} distinct values (fewer distinct integers are usually codes, e.g. 0/1 or grades, and
 * are offered as categories); otherwise CATEGORICAL with its distinct values as categories, numbers sorted
 * numerically and text alphabetically. Users change a guess to ORDINAL (and order it) in the mapping.
 */
public final class TypeDetector {

    static final int MAX_CODES = 5;

    private TypeDetector() {
    }

    public static List<ColumnGuess> detect(ClinicalTable table) {
        List<ColumnGuess> guesses = new ArrayList<>();
        for (String column : table.headers()) {
            guesses.add(detect(table, column));
        }
        return guesses;
    }

    public static ColumnGuess detect(ClinicalTable table, String column) {
        Set<String> distinct = new LinkedHashSet<>();
        int missing = 0;
        boolean allNumbers = true;
        boolean allIntegers = true;
        for (int i = 0; i < table.rows().size(); i++) {
            String v = table.cell(i, column);
            if (MissingValues.isMissing(v)) {
                missing++;
                continue;
            }
            distinct.add(v);
            Double d = MissingValues.parseNumber(v);
            if (d == null) {
                allNumbers = false;
            } else if (d != Math.rint(d)) {
                allIntegers = false;
            }
        }
        List<String> examples = distinct.stream().limit(5).toList();
        boolean numeric = allNumbers && !distinct.isEmpty() && (distinct.size() > MAX_CODES || !allIntegers);
        if (numeric) {
            return new ColumnGuess(column, VariableKind.NUMERIC, List.of(), missing, examples);
        }
        List<String> categories = new ArrayList<>(distinct);
        if (allNumbers) {
            categories.sort(Comparator.comparingDouble(MissingValues::parseNumber));
        } else {
            categories.sort(String.CASE_INSENSITIVE_ORDER);
        }
        return new ColumnGuess(column, VariableKind.CATEGORICAL, categories, missing, examples);
    }

    /** Variables for all columns except the given (id/file) columns, typed by detection, all PREDICTOR. */
    public static List<Variable> variables(ClinicalTable table, Set<String> skip) {
        return detect(table).stream().filter(g -> !skip.contains(g.column()))
                .map(g -> new Variable(g.column(), g.kind(), g.categories(), VariableRole.PREDICTOR)).toList();
    }
}
