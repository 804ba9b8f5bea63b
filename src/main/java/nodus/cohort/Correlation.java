package nodus.cohort;

import java.util.ArrayList;
import java.util.List;

/**
 * Pearson correlation matrix of clinical variables for the heat map. Numeric variables enter as their values;
 * ordinal variables as their category rank (0, 1, …); categorical variables with exactly two categories as 0/1
 * (first/second category); nominal variables with more categories are left out (Pearson is not defined for them).
 * Each pair uses the cases where both values are present (pairwise deletion); NaN when fewer than 3 pairs or a
 * constant variable.
 */
public final class Correlation {

    /** The matrix: variable names and r[i][j]. */
    public record Matrix(List<String> names, double[][] r) {
    }

    private Correlation() {
    }

    public static Matrix pearson(List<Variable> variables, List<ClinicalCase> cases) {
        List<Variable> used = variables.stream().filter(v -> v.kind() != VariableKind.CATEGORICAL
                || v.categories().size() == 2).toList();
        int m = used.size();
        double[][] x = new double[m][cases.size()];
        for (int j = 0; j < m; j++) {
            Variable v = used.get(j);
            for (int i = 0; i < cases.size(); i++) {
                x[j][i] = encode(v, cases.get(i));
            }
        }
        double[][] r = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double value = a == b ? 1 : pearson(x[a], x[b]);
                r[a][b] = value;
                r[b][a] = value;
            }
        }
        List<String> names = new ArrayList<>();
        used.forEach(v -> names.add(v.name()));
        return new Matrix(names, r);
    }

    static double encode(Variable v, ClinicalCase c) {
        String value = c.value(v.name());
        if (value == null) {
            return Double.NaN;
        }
        if (v.kind() == VariableKind.NUMERIC) {
            Double d = MissingValues.parseNumber(value);
            return d == null ? Double.NaN : d;
        }
        for (int k = 0; k < v.categories().size(); k++) {
            if (v.categories().get(k).equalsIgnoreCase(value)) {
                return k;
            }
        }
        return Double.NaN;
    }

    /** Pearson r over the pairs where both are finite. */
    static double pearson(double[] a, double[] b) {
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                sa += a[i];
                sb += b[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double ma = sa / n;
        double mb = sb / n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                sab += (a[i] - ma) * (b[i] - mb);
                saa += (a[i] - ma) * (a[i] - ma);
                sbb += (b[i] - mb) * (b[i] - mb);
            }
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
