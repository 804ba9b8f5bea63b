package nodus.experiment.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import nodus.experiment.SplitPart;

/**
 * The paper's Table 2/3 as text cells: Model, Cohort, Accuracy, AUC, 95% CI, Sensitivity, Specificity, PPV, NPV
 * (plus the threshold used), with the best value per column within each part marked. Shared by the view, the
 * exports and the report, so all show the same numbers.
 */
public final class ComparisonTable {

    public static final List<String> HEADERS = List.of("Model", "Cohort", "Accuracy", "AUC", "95% CI",
            "Sensitivity", "Specificity", "PPV", "NPV", "Threshold");

    /** Columns whose best value (highest) is marked per part: indices into {@link #HEADERS}. */
    public enum Metric {
        ACCURACY(2, r -> r.accuracy().estimate()),
        AUC(3, r -> r.auc().auc()),
        SENSITIVITY(5, r -> r.sensitivity().estimate()),
        SPECIFICITY(6, r -> r.specificity().estimate()),
        PPV(7, r -> r.ppv().estimate()),
        NPV(8, r -> r.npv().estimate());

        final int column;
        final ToDoubleFunction<ComparisonResult.Row> value;

        Metric(int column, ToDoubleFunction<ComparisonResult.Row> value) {
            this.column = column;
            this.value = value;
        }

        public int column() {
            return column;
        }

        public double of(ComparisonResult.Row row) {
            return value.applyAsDouble(row);
        }
    }

    /** One table line: the source row, its cells and which columns hold the part's best value. */
    public record Line(ComparisonResult.Row row, List<String> cells, boolean[] best) {
    }

    private ComparisonTable() {
    }

    public static String cohortLabel(SplitPart part) {
        return switch (part) {
            case TRAIN -> "Training";
            case VALIDATION -> "Validation";
            case TEST -> "Test";
        };
    }

    /** Lines grouped by model (run order), then part — the layout of the paper's tables. */
    public static List<Line> lines(ComparisonResult result) {
        Map<SplitPart, double[]> best = new EnumMap<>(SplitPart.class);
        for (SplitPart part : result.spec().parts()) {
            double[] b = new double[HEADERS.size()];
            java.util.Arrays.fill(b, Double.NaN);
            for (ComparisonResult.Row r : result.rows(part)) {
                for (Metric m : Metric.values()) {
                    double v = m.of(r);
                    if (!Double.isNaN(v) && (Double.isNaN(b[m.column]) || v > b[m.column])) {
                        b[m.column] = v;
                    }
                }
            }
            best.put(part, b);
        }
        List<Line> out = new ArrayList<>();
        for (var run : result.runs()) {
            for (SplitPart part : result.spec().parts()) {
                for (ComparisonResult.Row r : result.rows(part)) {
                    if (r.run().id() != run.id()) {
                        continue;
                    }
                    boolean[] mark = new boolean[HEADERS.size()];
                    // Only mark a best when there is something to compare with.
                    if (result.rows(part).size() > 1) {
                        for (Metric m : Metric.values()) {
                            mark[m.column] = m.of(r) == best.get(part)[m.column];
                        }
                    }
                    out.add(new Line(r, cells(r), mark));
                }
            }
        }
        return out;
    }

    static List<String> cells(ComparisonResult.Row r) {
        return List.of(r.run().name(), cohortLabel(r.part()),
                JournalFormat.number(r.accuracy().estimate()),
                JournalFormat.number(r.auc().auc()),
                JournalFormat.interval(r.auc().ciLow(), r.auc().ciHigh()),
                JournalFormat.number(r.sensitivity().estimate()),
                JournalFormat.number(r.specificity().estimate()),
                JournalFormat.number(r.ppv().estimate()),
                JournalFormat.number(r.npv().estimate()),
                JournalFormat.number(r.threshold()) + " (" + r.thresholdSource() + ")");
    }

    /** The DeLong matrix of one part as cells: row/column headers are run names, cells "p &lt; 0.001" or why not. */
    public static List<List<String>> delongMatrix(ComparisonResult result, SplitPart part) {
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("");
        result.runs().forEach(r -> header.add(r.name()));
        out.add(header);
        for (var a : result.runs()) {
            List<String> line = new ArrayList<>();
            line.add(a.name());
            for (var b : result.runs()) {
                if (a.id() == b.id()) {
                    line.add(JournalFormat.DASH);
                    continue;
                }
                var t = result.pair(part, a.id(), b.id()).or(() -> result.pair(part, b.id(), a.id()));
                line.add(t.map(x -> x.refused() ? "n/a" : JournalFormat.pValue(x.test().p())).orElse("n/a"));
            }
            out.add(line);
        }
        return out;
    }
}
