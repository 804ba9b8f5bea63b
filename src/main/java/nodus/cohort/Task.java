package nodus.cohort;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A prediction task on a cohort: the label of a case is the index of the class whose values contain the case's
 * outcome value; a case whose value is in no class (or missing) is not part of the task. For binary tasks class 1
 * is the positive class (e.g. N+).
 */
public record Task(String name, TaskKind kind, String column, List<LabelClass> classes) {

    public Task {
        if (name == null || name.isBlank() || kind == null || column == null || column.isBlank()) {
            throw new IllegalArgumentException("a task needs a name, a kind and an outcome column");
        }
        classes = List.copyOf(classes);
        if (kind == TaskKind.MULTICLASS ? classes.size() < 3 : classes.size() != 2) {
            throw new IllegalArgumentException("task " + name + ": " + kind + " needs "
                    + (kind == TaskKind.MULTICLASS ? "at least 3" : "exactly 2") + " classes, got " + classes.size());
        }
        Set<String> seen = new HashSet<>();
        for (LabelClass c : classes) {
            for (String v : c.values()) {
                if (!seen.add(v)) {
                    throw new IllegalArgumentException("task " + name + ": value '" + v + "' is in two classes");
                }
            }
        }
    }

    /** The label (class index) of a case, or -1 when the case is not part of this task. */
    public int label(ClinicalCase c) {
        String v = c.value(column);
        if (MissingValues.isMissing(v)) {
            return -1;
        }
        for (int i = 0; i < classes.size(); i++) {
            for (String value : classes.get(i).values()) {
                if (value.equalsIgnoreCase(v.trim())) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Parses classes as typed on the cohort page: {@code "N0 = N0; N+ = N+(1-2), N+(>=3)"} — classes separated by
     * ';', each "name = value, value…"; a class without '=' is its own single value ("N0; N+"). The separator is
     * the first '=' not part of "<=", ">=" or "!=".
     */
    public static List<LabelClass> parseClasses(String text) {
        List<LabelClass> out = new java.util.ArrayList<>();
        for (String part : (text == null ? "" : text).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            // The first '=' that is not part of "<=", ">=" or "!=" (values such as "N+(>=3)" contain one).
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![<>!])=(?!=)").matcher(part);
            int eq = m.find() ? m.start() : -1;
            String name = (eq < 0 ? part : part.substring(0, eq)).trim();
            List<String> values = eq < 0 ? List.of(name) : java.util.Arrays.stream(part.substring(eq + 1).split(","))
                    .map(String::trim).filter(v -> !v.isEmpty()).toList();
            out.add(new LabelClass(name, values));
        }
        return out;
    }

    /** The inverse of {@link #parseClasses}. */
    public String formatClasses() {
        return String.join("; ", classes.stream().map(c -> c.name() + " = " + String.join(", ", c.values())).toList());
    }

    public List<String> classNames() {
        return classes.stream().map(LabelClass::name).toList();
    }
}
