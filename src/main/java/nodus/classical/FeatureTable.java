package nodus.classical;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plain feature matrix: one row per case, one column per feature, with the binary label (1 = positive,
 * e.g. N+ / malignant; 0 = negative). Independent of the database so that every algorithm step can be tested on
 * small hand-written arrays. Arrays are copied on construction and on access so a table is effectively immutable.
 *
 * @param caseIds      unique case ids, one per row
 * @param featureNames unique feature names, one per column
 * @param values       rows × columns, finite values
 * @param labels       one label per row, each 0 or 1
 */
public record FeatureTable(List<String> caseIds, List<String> featureNames, double[][] values, int[] labels) {

    public FeatureTable {
        caseIds = List.copyOf(Objects.requireNonNull(caseIds, "caseIds"));
        featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        if (values.length != caseIds.size() || labels.length != caseIds.size()) {
            throw new IllegalArgumentException("rows: " + caseIds.size() + " case ids, " + values.length
                    + " value rows, " + labels.length + " labels");
        }
        if (new HashSet<>(caseIds).size() != caseIds.size()) {
            throw new IllegalArgumentException("case ids are not unique");
        }
        if (new HashSet<>(featureNames).size() != featureNames.size()) {
            throw new IllegalArgumentException("feature names are not unique");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != featureNames.size()) {
                throw new IllegalArgumentException("row " + i + " (case " + caseIds.get(i) + ") has "
                        + values[i].length + " values, expected " + featureNames.size());
            }
            for (int j = 0; j < values[i].length; j++) {
                if (!Double.isFinite(values[i][j])) {
                    throw new IllegalArgumentException("case " + caseIds.get(i) + ", feature "
                            + featureNames.get(j) + ": value is not finite (" + values[i][j] + ")");
                }
            }
            copy[i] = values[i].clone();
        }
        values = copy;
        labels = labels.clone();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("case " + caseIds.get(i) + ": label must be 0 or 1, got " + labels[i]);
            }
        }
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public int rows() {
        return caseIds.size();
    }

    public int columns() {
        return featureNames.size();
    }

    /** Value at row {@code i}, column {@code j}, without copying. */
    public double value(int i, int j) {
        return values[i][j];
    }

    public int label(int i) {
        return labels[i];
    }

    public int columnIndex(String name) {
        int j = featureNames.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no feature named '" + name + "'");
        }
        return j;
    }

    public double[] column(int j) {
        double[] c = new double[rows()];
        for (int i = 0; i < c.length; i++) {
            c[i] = values[i][j];
        }
        return c;
    }

    public double[] column(String name) {
        return column(columnIndex(name));
    }

    /** The same rows with only the named columns, in the given order. */
    public FeatureTable select(List<String> names) {
        int[] idx = names.stream().mapToInt(this::columnIndex).toArray();
        double[][] v = new double[rows()][idx.length];
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < idx.length; k++) {
                v[i][k] = values[i][idx[k]];
            }
        }
        return new FeatureTable(caseIds, names, v, labels);
    }

    /** The rows whose index is in {@code rowIdx}, in that order. */
    public FeatureTable rows(int[] rowIdx) {
        List<String> ids = new ArrayList<>(rowIdx.length);
        double[][] v = new double[rowIdx.length][];
        int[] y = new int[rowIdx.length];
        for (int k = 0; k < rowIdx.length; k++) {
            ids.add(caseIds.get(rowIdx[k]));
            v[k] = values[rowIdx[k]];
            y[k] = labels[rowIdx[k]];
        }
        return new FeatureTable(ids, featureNames, v, y);
    }

    /** The rows of the given case ids, in that order. */
    public FeatureTable rowsOf(List<String> ids) {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < caseIds.size(); i++) {
            pos.put(caseIds.get(i), i);
        }
        int[] idx = new int[ids.size()];
        for (int k = 0; k < idx.length; k++) {
            Integer p = pos.get(ids.get(k));
            if (p == null) {
                throw new IllegalArgumentException("no case with id '" + ids.get(k) + "'");
            }
            idx[k] = p;
        }
        return rows(idx);
    }

    /** Appends the columns of {@code other} (same case ids in the same order). */
    public FeatureTable withColumns(FeatureTable other) {
        if (!other.caseIds.equals(caseIds)) {
            throw new IllegalArgumentException("cannot join tables with different case ids/order");
        }
        List<String> names = new ArrayList<>(featureNames);
        names.addAll(other.featureNames);
        double[][] v = new double[rows()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = new double[columns() + other.columns()];
            System.arraycopy(values[i], 0, v[i], 0, columns());
            System.arraycopy(other.values[i], 0, v[i], columns(), other.columns());
        }
        return new FeatureTable(caseIds, names, v, labels);
    }

    /** SHA-256 of the sorted case ids; see {@link CaseIdHash}. */
    public String caseIdHash() {
        return CaseIdHash.of(caseIds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureTable t && caseIds.equals(t.caseIds) && featureNames.equals(t.featureNames)
                && java.util.Arrays.deepEquals(values, t.values) && java.util.Arrays.equals(labels, t.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseIds, featureNames, java.util.Arrays.deepHashCode(values), java.util.Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "FeatureTable[" + rows() + " cases × " + columns() + " features]";
    }
}
