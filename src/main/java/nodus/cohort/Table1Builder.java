package nodus.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nodus.statistics.TestResult;
import nodus.statistics.UnivariateTests;

/**
 * Builds Table 1 as in the reference study: continuous variables as mean ± SD (sample SD, n − 1) with Student's t
 * test when every class sample looks normal (D'Agostino–Pearson, {@link UnivariateTests#looksNormal}) and the
 * Mann–Whitney U test otherwise; categorical variables as n (%) of the class with Pearson's χ² test (no continuity
 * correction), or Fisher's exact test for a 2×2 table with an expected count below 5 (Cochran's rule). Tests
 * compare the classes within a part. With three or more classes (the 3-class task) a continuous variable gets
 * one-way ANOVA when every class sample looks normal and Kruskal–Wallis otherwise — the same normality rule as the
 * t / Mann–Whitney choice ({@link GroupTests}); categorical variables get the r × k Pearson χ². Missing values are
 * left out per variable.
 */
public final class Table1Builder {

    /** Below this expected count a 2×2 table uses Fisher's exact test. */
    static final double MIN_EXPECTED = 5;

    private Table1Builder() {
    }

    /**
     * @param variables the variables to describe, in row order
     * @param cases the cases
     * @param labels label (class index) per case, same order as {@code cases}
     * @param classes class names
     * @param parts part index per case (same order), or null for a single part "All"
     * @param partNames part headings
     */
    public static Table1 build(List<Variable> variables, List<ClinicalCase> cases, int[] labels, List<String> classes,
            int[] parts, List<String> partNames) {
        int nParts = parts == null ? 1 : partNames.size();
        List<String> heads = parts == null ? List.of("All") : partNames;
        int k = classes.size();
        List<long[]> counts = new ArrayList<>();
        for (int p = 0; p < nParts; p++) {
            counts.add(new long[k]);
        }
        for (int i = 0; i < cases.size(); i++) {
            counts.get(part(parts, i))[labels[i]]++;
        }
        List<Table1.Row> rows = new ArrayList<>();
        for (Variable v : variables) {
            if (v.kind() == VariableKind.NUMERIC) {
                rows.add(continuous(v, cases, labels, k, parts, nParts));
            } else {
                rows.addAll(categorical(v, cases, labels, k, parts, nParts));
            }
        }
        return new Table1(heads, classes, counts, rows);
    }

    private static int part(int[] parts, int i) {
        return parts == null ? 0 : parts[i];
    }

    private static Table1.Row continuous(Variable v, List<ClinicalCase> cases, int[] labels, int k, int[] parts,
            int nParts) {
        List<List<String>> cells = new ArrayList<>();
        double[] p = new double[nParts];
        List<String> tests = new ArrayList<>();
        for (int part = 0; part < nParts; part++) {
            List<double[]> groups = new ArrayList<>();
            List<String> row = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                double[] xs = values(v, cases, labels, parts, part, c);
                groups.add(xs);
                row.add(meanSd(xs));
            }
            cells.add(row);
            TestResult t = k == 2 ? compare(groups.get(0), groups.get(1)) : GroupTests.compare(groups);
            p[part] = t == null ? Double.NaN : t.p();
            tests.add(t == null ? "" : t.test());
        }
        return new Table1.Row(v.name(), null, cells, p, tests);
    }

    /** t test when both samples look normal, else Mann–Whitney U; null when a group has fewer than 2 values. */
    static TestResult compare(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return null;
        }
        if (UnivariateTests.looksNormal(a) && UnivariateTests.looksNormal(b)) {
            return UnivariateTests.studentT(a, b);
        }
        return UnivariateTests.mannWhitneyU(a, b);
    }

    private static double[] values(Variable v, List<ClinicalCase> cases, int[] labels, int[] parts, int part, int c) {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (labels[i] == c && part(parts, i) == part) {
                Double x = cases.get(i).number(v.name());
                if (x != null) {
                    xs.add(x);
                }
            }
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Table1.Row> categorical(Variable v, List<ClinicalCase> cases, int[] labels, int k, int[] parts,
            int nParts) {
        List<String> levels = new ArrayList<>(v.categories());
        for (ClinicalCase c : cases) {
            String value = c.value(v.name());
            if (value != null && levels.stream().noneMatch(l -> l.equalsIgnoreCase(value))) {
                levels.add(value);
            }
        }
        // counts[part][level][class]
        long[][][] counts = new long[nParts][levels.size()][k];
        for (int i = 0; i < cases.size(); i++) {
            String value = cases.get(i).value(v.name());
            if (value == null) {
                continue;
            }
            int level = indexOf(levels, value);
            counts[part(parts, i)][level][labels[i]]++;
        }
        double[] p = new double[nParts];
        List<String> tests = new ArrayList<>();
        List<List<String>> headCells = new ArrayList<>();
        for (int part = 0; part < nParts; part++) {
            TestResult t = association(counts[part]);
            p[part] = t == null ? Double.NaN : t.p();
            tests.add(t == null ? "" : t.test());
            headCells.add(java.util.Collections.nCopies(k, ""));
        }
        List<Table1.Row> rows = new ArrayList<>();
        rows.add(new Table1.Row(v.name(), null, headCells, p, tests));
        double[] none = new double[nParts];
        java.util.Arrays.fill(none, Double.NaN);
        List<String> noTests = java.util.Collections.nCopies(nParts, "");
        for (int l = 0; l < levels.size(); l++) {
            List<List<String>> cells = new ArrayList<>();
            for (int part = 0; part < nParts; part++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    long total = 0;
                    for (long[] lv : counts[part]) {
                        total += lv[c];
                    }
                    long n = counts[part][l][c];
                    row.add(total == 0 ? "0" : n + " (" + String.format(Locale.ROOT, "%.1f", 100.0 * n / total) + "%)");
                }
                cells.add(row);
            }
            rows.add(new Table1.Row(v.name(), levels.get(l), cells, none, noTests));
        }
        return rows;
    }

    private static int indexOf(List<String> levels, String value) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).equalsIgnoreCase(value)) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    /**
     * Pearson χ² on the levels × classes table without empty rows/columns, or Fisher's exact test for 2×2 with an
     * expected count below {@value #MIN_EXPECTED}; null when fewer than 2 levels or classes remain.
     */
    static TestResult association(long[][] table) {
        List<long[]> rows = new ArrayList<>();
        for (long[] r : table) {
            if (java.util.Arrays.stream(r).sum() > 0) {
                rows.add(r);
            }
        }
        if (rows.size() < 2) {
            return null;
        }
        int cols = rows.get(0).length;
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            long s = 0;
            for (long[] r : rows) {
                s += r[c];
            }
            if (s > 0) {
                keep.add(c);
            }
        }
        if (keep.size() < 2) {
            return null;
        }
        long[][] t = new long[rows.size()][keep.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < keep.size(); j++) {
                t[i][j] = rows.get(i)[keep.get(j)];
            }
        }
        if (t.length == 2 && t[0].length == 2 && minExpected(t) < MIN_EXPECTED) {
            return UnivariateTests.fisherExact(t);
        }
        return UnivariateTests.chiSquare(t);
    }

    static double minExpected(long[][] t) {
        double total = 0;
        double[] rs = new double[t.length];
        double[] cs = new double[t[0].length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                rs[i] += t[i][j];
                cs[j] += t[i][j];
                total += t[i][j];
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (double r : rs) {
            for (double c : cs) {
                min = Math.min(min, r * c / total);
            }
        }
        return min;
    }

    static String meanSd(double[] xs) {
        if (xs.length == 0) {
            return "–";
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : 0;
        return fmt(mean) + " ± " + fmt(sd);
    }

    private static String fmt(double v) {
        double a = Math.abs(v);
        String f = a != 0 && a < 0.01 ? "%.3g" : a < 10 ? "%.2f" : "%.1f";
        return String.format(Locale.ROOT, f, v);
    }

    /** p formatted as in clinical papers: "<0.001" or three decimals. */
    public static String formatP(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
