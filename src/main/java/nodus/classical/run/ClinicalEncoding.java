package nodus.classical.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.classical.FittedOn;
import nodus.classical.LeakageGuard;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.classical.VariableType;
import nodus.cohort.study.ClinicalVariable;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.VariableKind;

/**
 * Turns clinical values into numbers, with missing values filled from the TRAIN part (fitted, guarded):
 * NUMERIC → the value (missing → TRAIN median); ORDINAL → the category's index 0..k−1, screened and modelled as a
 * rank (missing → TRAIN median index); CATEGORICAL → the category's index for screening (missing → TRAIN mode),
 * dummy-coded for the model with the FIRST category as the reference level (columns {@code var=category}).
 */
final class ClinicalEncoding {

    private final List<ClinicalVariable> variables;
    private final double[] fill;
    private final FittedOn fittedOn;

    private ClinicalEncoding(List<ClinicalVariable> variables, double[] fill, FittedOn fittedOn) {
        this.variables = variables;
        this.fill = fill;
        this.fittedOn = fittedOn;
    }

    /** Fits the fill values on the TRAIN cases (the guard refuses any other part). */
    static ClinicalEncoding fit(StudyData data, SplitPart part) {
        List<ClinicalVariable> vars = data.variables();
        if (vars.isEmpty()) {
            throw new IllegalArgumentException("the study has no clinical variables");
        }
        List<StudyCase> cs = data.part(StudyTables.cohortPart(part));
        Map<String, double[]> raw = new LinkedHashMap<>();
        for (StudyCase c : cs) {
            raw.put(c.caseId(), codes(vars, c, null));
        }
        Map<String, double[]> ids = new HashMap<>();
        raw.keySet().forEach(id -> ids.put(id, new double[0]));
        // the guard sees the cases only: raw values may be missing (NaN), which a FeatureTable refuses
        FittedOn on = LeakageGuard.fitOn("clinical-imputation", StudyTables.partTable(data, part, List.of(), ids));
        double[] fill = new double[vars.size()];
        for (int j = 0; j < vars.size(); j++) {
            final int jj = j;
            double[] present = raw.values().stream().mapToDouble(r -> r[jj]).filter(v -> !Double.isNaN(v)).toArray();
            if (present.length == 0) {
                throw new IllegalArgumentException("clinical variable '" + vars.get(j).name()
                        + "' has no value in the training part");
            }
            fill[j] = vars.get(j).kind() == VariableKind.CATEGORICAL ? mode(present) : median(present);
        }
        return new ClinicalEncoding(vars, fill, on);
    }

    FittedOn fittedOn() {
        return fittedOn;
    }

    List<ClinicalVariable> variables() {
        return variables;
    }

    /** Fill value per variable (numeric value, or category index), for the provenance. */
    Map<String, Object> fillValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int j = 0; j < variables.size(); j++) {
            ClinicalVariable v = variables.get(j);
            m.put(v.name(), v.kind() == VariableKind.NUMERIC ? fill[j]
                    : v.kind() == VariableKind.CATEGORICAL ? v.categories().get((int) fill[j]) : fill[j]);
        }
        return m;
    }

    static List<String> names(List<ClinicalVariable> vars) {
        return vars.stream().map(ClinicalVariable::name).toList();
    }

    Map<String, VariableType> screeningTypes() {
        Map<String, VariableType> m = new HashMap<>();
        for (ClinicalVariable v : variables) {
            m.put(v.name(), v.kind() == VariableKind.CATEGORICAL ? VariableType.CATEGORICAL : VariableType.CONTINUOUS);
        }
        return m;
    }

    /** One column per variable (value, rank or category index), missing values filled. */
    PartTable codes(StudyData data, SplitPart part) {
        Map<String, double[]> rows = new HashMap<>();
        for (StudyCase c : data.part(StudyTables.cohortPart(part))) {
            rows.put(c.caseId(), codes(variables, c, fill));
        }
        return StudyTables.partTable(data, part, names(variables), rows);
    }

    /** Model inputs for the given variables: numeric/ordinal as is, categorical as dummies (first = reference). */
    PartTable design(StudyData data, SplitPart part, List<String> keptVariables) {
        List<String> names = new ArrayList<>();
        List<ClinicalVariable> kept = variables.stream().filter(v -> keptVariables.contains(v.name())).toList();
        for (ClinicalVariable v : kept) {
            if (v.kind() == VariableKind.CATEGORICAL) {
                for (String cat : v.categories().subList(1, v.categories().size())) {
                    names.add(v.name() + "=" + cat);
                }
            } else {
                names.add(v.name());
            }
        }
        Map<String, double[]> rows = new HashMap<>();
        for (StudyCase c : data.part(StudyTables.cohortPart(part))) {
            double[] code = codes(variables, c, fill);
            double[] row = new double[names.size()];
            int k = 0;
            for (ClinicalVariable v : kept) {
                double x = code[variables.indexOf(v)];
                if (v.kind() == VariableKind.CATEGORICAL) {
                    for (int level = 1; level < v.categories().size(); level++) {
                        row[k++] = x == level ? 1.0 : 0.0;
                    }
                } else {
                    row[k++] = x;
                }
            }
            rows.put(c.caseId(), row);
        }
        return StudyTables.partTable(data, part, names, rows);
    }

    /** Codes of one case; NaN where missing when {@code fill} is null. */
    private static double[] codes(List<ClinicalVariable> vars, StudyCase c, double[] fill) {
        double[] out = new double[vars.size()];
        for (int j = 0; j < vars.size(); j++) {
            ClinicalVariable v = vars.get(j);
            Object value = c.clinical().get(v.name());
            double x;
            if (value == null) {
                x = Double.NaN;
            } else if (v.kind() == VariableKind.NUMERIC) {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new IllegalArgumentException("case " + c.caseId() + ", variable " + v.name()
                            + ": expected a number, got '" + value + "'");
                }
                x = n.doubleValue();
            } else {
                int idx = v.categories().indexOf(value.toString());
                if (idx < 0) {
                    throw new IllegalArgumentException("case " + c.caseId() + ", variable " + v.name()
                            + ": category '" + value + "' is not one of " + v.categories());
                }
                x = idx;
            }
            out[j] = Double.isNaN(x) && fill != null ? fill[j] : x;
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Most frequent value; ties → the smaller code (the earlier category). */
    private static double mode(double[] v) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double x : v) {
            counts.merge(x, 1, Integer::sum);
        }
        double best = Double.NaN;
        int bestCount = -1;
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
