package nodus.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The editable state of the import wizard's mapping step, kept out of the UI so that it is tested without a browser:
 * one {@link ColumnChoice} per table column (what the column is used for, its type and its category order) and the
 * file settings from the source step. {@link #toMapping()} turns it into the {@link ImportMapping} that the import
 * service, the saved mappings and {@code nodus import --mapping} share.
 *
 * @param tableFile the clinical table: relative to the import folder, or absolute (e.g. an uploaded copy)
 * @param imagePattern image file name with {@code {id}}
 * @param maskPattern mask file name with {@code {id}}, or null/blank for no masks
 * @param masksRequired whether a case without a mask file is a problem
 * @param spacingMm pixel spacing in mm
 * @param columns one choice per column, in table order
 */
public record ImportDraft(String tableFile, String imagePattern, String maskPattern, boolean masksRequired,
        double spacingMm, List<ColumnChoice> columns) {

    /** What a column is used for; IGNORE columns are not imported at all. */
    public enum Use {
        CASE_ID("case id"), PATIENT_ID("patient id"), PREDICTOR("predictor"), OUTCOME("outcome"),
        EXCLUDED("kept, not a predictor"), IGNORE("ignore");

        private final String label;

        Use(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One column: its use, its kind and (categorical/ordinal) its categories, lowest first for ordinal. */
    public record ColumnChoice(String column, Use use, VariableKind kind, List<String> categories) {
        public ColumnChoice {
            if (column == null || use == null || kind == null) {
                throw new IllegalArgumentException("a column choice needs a column, a use and a kind");
            }
            categories = kind == VariableKind.NUMERIC || categories == null ? List.of() : List.copyOf(categories);
        }

        public ColumnChoice withUse(Use u) {
            return new ColumnChoice(column, u, kind, categories);
        }

        public ColumnChoice withKind(VariableKind k, List<String> detected) {
            return new ColumnChoice(column, use, k, k == VariableKind.NUMERIC ? List.of()
                    : categories.isEmpty() ? detected : categories);
        }

        public ColumnChoice withCategories(List<String> c) {
            return new ColumnChoice(column, use, kind, c);
        }
    }

    public ImportDraft {
        columns = List.copyOf(columns);
    }

    /**
     * The first guess from type detection: a column named like an id ("id", "case_id", "case", "ID") is the case
     * id, one named like a patient id ("patient", "patient_id") the patient id, everything else a predictor of the
     * detected type.
     */
    public static ImportDraft guess(String tableFile, String imagePattern, String maskPattern, boolean masksRequired,
            double spacingMm, List<ColumnGuess> guesses) {
        List<ColumnChoice> choices = new ArrayList<>();
        boolean haveId = false;
        boolean havePatient = false;
        for (ColumnGuess g : guesses) {
            String n = g.column().toLowerCase(Locale.ROOT).replace(' ', '_');
            Use use = Use.PREDICTOR;
            if (!haveId && (n.equals("id") || n.equals("case_id") || n.equals("case") || n.equals("caseid"))) {
                use = Use.CASE_ID;
                haveId = true;
            } else if (!havePatient && (n.equals("patient") || n.equals("patient_id") || n.equals("patientid"))) {
                use = Use.PATIENT_ID;
                havePatient = true;
            }
            choices.add(new ColumnChoice(g.column(), use, g.kind(), g.categories()));
        }
        return new ImportDraft(tableFile, imagePattern, maskPattern, masksRequired, spacingMm, choices);
    }

    /**
     * Applies a saved mapping to this table: columns the mapping knows take its use, kind and categories, the others
     * are ignored; the table file stays this draft's (the user chose it in step 1), the file patterns and spacing
     * come from the mapping.
     */
    public ImportDraft reuse(ImportMapping saved) {
        List<ColumnChoice> choices = new ArrayList<>();
        for (ColumnChoice c : columns) {
            Use use = Use.IGNORE;
            VariableKind kind = c.kind();
            List<String> categories = c.categories();
            Optional<Variable> v = saved.variables().stream().filter(x -> x.name().equals(c.column())).findFirst();
            if (c.column().equals(saved.caseIdColumn())) {
                use = Use.CASE_ID;
            } else if (c.column().equals(saved.patientIdColumn())) {
                use = Use.PATIENT_ID;
            } else if (v.isPresent()) {
                use = switch (v.get().role()) {
                    case PREDICTOR -> Use.PREDICTOR;
                    case OUTCOME -> Use.OUTCOME;
                    case EXCLUDED -> Use.EXCLUDED;
                };
                kind = v.get().kind();
                categories = v.get().categories();
            }
            choices.add(new ColumnChoice(c.column(), use, kind, categories));
        }
        String image = saved.imagePattern() != null ? saved.imagePattern() : imagePattern;
        return new ImportDraft(tableFile, image, saved.maskPattern(), saved.masksRequired(), saved.defaultSpacingMm(),
                choices);
    }

    public ImportDraft withColumn(int index, ColumnChoice choice) {
        List<ColumnChoice> copy = new ArrayList<>(columns);
        copy.set(index, choice);
        return new ImportDraft(tableFile, imagePattern, maskPattern, masksRequired, spacingMm, copy);
    }

    /** The mapping; throws IllegalArgumentException naming the column when the choices do not make one. */
    public ImportMapping toMapping() {
        List<String> ids = columns.stream().filter(c -> c.use() == Use.CASE_ID).map(ColumnChoice::column).toList();
        if (ids.size() != 1) {
            throw new IllegalArgumentException(ids.isEmpty() ? "choose the column that holds the case id"
                    : "only one case id column, got " + String.join(", ", ids));
        }
        List<String> patients = columns.stream().filter(c -> c.use() == Use.PATIENT_ID).map(ColumnChoice::column)
                .toList();
        if (patients.size() > 1) {
            throw new IllegalArgumentException("only one patient id column, got " + String.join(", ", patients));
        }
        List<Variable> variables = new ArrayList<>();
        for (ColumnChoice c : columns) {
            VariableRole role = switch (c.use()) {
                case PREDICTOR -> VariableRole.PREDICTOR;
                case OUTCOME -> VariableRole.OUTCOME;
                case EXCLUDED -> VariableRole.EXCLUDED;
                default -> null;
            };
            if (role == null) {
                continue;
            }
            if (c.kind() != VariableKind.NUMERIC && c.categories().isEmpty()) {
                throw new IllegalArgumentException("column " + c.column() + ": a " + c.kind().name().toLowerCase(
                        Locale.ROOT) + " column needs its categories");
            }
            variables.add(new Variable(c.column(), c.kind(), c.categories(), role));
        }
        String mask = maskPattern == null || maskPattern.isBlank() ? null : maskPattern.trim();
        if (mask != null && !mask.contains("{id}")) {
            throw new IllegalArgumentException("mask pattern must contain {id}, got '" + mask + "'");
        }
        return ImportMapping.builder().setTableFile(tableFile).setCaseIdColumn(ids.get(0))
                .optPatientIdColumn(patients.isEmpty() ? null : patients.get(0))
                .setImagePattern(imagePattern == null ? null : imagePattern.trim()).optMaskPattern(mask)
                .optMasksRequired(mask != null && masksRequired).optDefaultSpacingMm(spacingMm)
                .setVariables(variables).build();
    }

    /** Parses a comma-separated category list as typed in the mapping grid (blank items dropped). */
    public static List<String> parseCategories(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String s : text.split(",")) {
            if (!s.isBlank() && !out.contains(s.trim())) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
