package nodus.experiment.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.SplitPart;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.CalibrationCurve;
import nodus.statistics.NetBenefit;
import nodus.statistics.RocCurve;

/**
 * ECharts options (JSON) for the comparison's figures, one panel per part. The same options drive the view's
 * {@code <nodus-chart>} elements and the report's embedded charts. Series are named so the legend carries the
 * statistics (AUC with CI, Hosmer–Lemeshow p); reference lines (chance diagonal, perfect calibration) are mark
 * lines or extra series as noted, so the ROC panel has exactly one series per run.
 */
public final class ChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HISTOGRAM_BINS = 10;

    private ChartOptions() {
    }

    /** Series name of a run on the ROC panel: "name — AUC 0.873 (0.821–0.925)". */
    public static String rocSeriesName(Run run, BinaryEvaluation e) {
        return run.name() + " \u2014 AUC " + JournalFormat.withInterval(e.auc().auc(), e.auc().ciLow(),
                e.auc().ciHigh());
    }

    public static String roc(ComparisonResult result, SplitPart part) {
        Map<String, Object> o = base("ROC \u2014 " + ComparisonTable.cohortLabel(part), "1 \u2212 Specificity",
                "Sensitivity");
        List<Object> series = new ArrayList<>();
        for (Run run : result.runs()) {
            BinaryEvaluation e = evaluation(result, run, part);
            if (e == null) {
                continue;
            }
            RocCurve roc = e.roc();
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < roc.size(); i++) {
                pts.add(new double[] {round(roc.fpr()[i]), round(roc.tpr()[i])});
            }
            Map<String, Object> s = line(rocSeriesName(run, e), pts);
            // Symbols make every ROC point clickable (drill-down to the cases at that threshold).
            s.put("showSymbol", true);
            s.put("symbolSize", 3);
            if (series.isEmpty()) {
                s.put("markLine", diagonal());
            }
            series.add(s);
        }
        o.put("series", series);
        return write(o);
    }

    public static String decision(ComparisonResult result, SplitPart part) {
        Map<String, Object> o = base("Decision curve \u2014 " + ComparisonTable.cohortLabel(part),
                "Threshold probability", "Net benefit");
        List<Object> series = new ArrayList<>();
        List<NetBenefit> all = null;
        for (Run run : result.runs()) {
            BinaryEvaluation e = evaluation(result, run, part);
            if (e == null || e.netBenefit() == null) {
                continue;
            }
            all = e.netBenefit();
            series.add(line(run.name(), e.netBenefit().stream()
                    .map(nb -> new double[] {nb.threshold(), round(nb.model())}).toList()));
        }
        if (all != null) {
            series.add(line("Treat all", all.stream().map(nb -> new double[] {nb.threshold(), round(nb.treatAll())})
                    .filter(p -> p[1] > -0.1).toList()));
            series.add(line("Treat none", List.of(new double[] {0, 0}, new double[] {1, 0})));
        }
        o.put("series", series);
        axis(o, "yAxis").put("min", -0.1);
        axis(o, "yAxis").remove("max"); // net benefit is at most the prevalence: let the axis fit the data
        return write(o);
    }

    /** Calibration (quantile bins, scikit-learn) with the diagonal and HL p in the legend; histogram below. */
    public static String calibration(ComparisonResult result, SplitPart part) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", "Calibration \u2014 " + ComparisonTable.cohortLabel(part), "left", "center",
                "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "item"));
        o.put("legend", Map.of("type", "plain", "bottom", 0, "textStyle", Map.of("fontSize", 11)));
        o.put("grid", List.of(Map.of("left", 55, "right", 20, "top", 40, "height", "42%"),
                Map.of("left", 55, "right", 20, "top", "60%", "height", "12%")));
        o.put("xAxis", List.of(valueAxis("Mean predicted probability", 0), valueAxis("", 1)));
        Map<String, Object> y0 = valueAxis("Observed fraction", 0);
        Map<String, Object> y1 = valueAxis("Count", 1);
        y1.remove("max");
        o.put("yAxis", List.of(y0, y1));
        List<Object> series = new ArrayList<>();
        Map<String, Object> ideal = line("Perfectly calibrated", List.of(new double[] {0, 0}, new double[] {1, 1}));
        ideal.put("lineStyle", Map.of("type", "dashed", "color", "#888"));
        ideal.put("itemStyle", Map.of("color", "#888"));
        series.add(ideal);
        for (Run run : result.runs()) {
            BinaryEvaluation e = evaluation(result, run, part);
            if (e == null || e.calibrationQuantile() == null) {
                continue;
            }
            CalibrationCurve c = e.calibrationQuantile();
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < c.meanPredicted().length; i++) {
                pts.add(new double[] {round(c.meanPredicted()[i]), round(c.fractionOfPositives()[i])});
            }
            String name = run.name() + " (HL " + JournalFormat.p(e.hosmerLemeshow().p()) + ")";
            Map<String, Object> s = line(name, pts);
            s.put("showSymbol", true);
            series.add(s);
            Map<String, Object> bars = new LinkedHashMap<>();
            bars.put("type", "bar");
            bars.put("name", name);
            bars.put("xAxisIndex", 1);
            bars.put("yAxisIndex", 1);
            bars.put("barGap", "0%");
            bars.put("data", histogram(result.data().get(run.id()).get(part).scores()));
            series.add(bars);
        }
        o.put("series", series);
        return write(o);
    }

    /** Histogram of predicted probabilities in 10 equal bins, as [bin centre, count]. */
    static List<double[]> histogram(double[] scores) {
        int[] counts = new int[HISTOGRAM_BINS];
        for (double s : scores) {
            counts[histogramBin(s)]++;
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < HISTOGRAM_BINS; i++) {
            out.add(new double[] {(i + 0.5) / HISTOGRAM_BINS, counts[i]});
        }
        return out;
    }

    /** The histogram bar of a probability: [k/10, (k+1)/10), with 1 in the last. */
    static int histogramBin(double score) {
        return Math.min(HISTOGRAM_BINS - 1, (int) (score * HISTOGRAM_BINS));
    }

    /** Whether any chosen run has a per-epoch metric history. */
    public static boolean hasHistory(ComparisonResult result) {
        return result.history().values().stream().anyMatch(h -> !h.isEmpty());
    }

    /** Per-epoch curves (loss, AUC…) of every run with a history; one series per run and metric. */
    public static String history(ComparisonResult result) {
        Map<String, Object> o = base("Training history", "Epoch", "Value");
        axis(o, "xAxis").remove("max");
        axis(o, "yAxis").remove("max");
        List<Object> series = new ArrayList<>();
        for (Run run : result.runs()) {
            Map<String, List<double[]>> byKey = new TreeMap<>();
            for (MetricPoint p : result.history().getOrDefault(run.id(), List.of())) {
                byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(new double[] {p.step(), round(p.value())});
            }
            byKey.forEach((key, pts) -> {
                Map<String, Object> s = line(run.name() + " \u00b7 " + key, pts);
                s.put("showSymbol", true);
                series.add(s);
            });
        }
        o.put("series", series);
        return write(o);
    }

    /**
     * Confusion matrix heat map of one run on one part: arg-max classes for multi-class runs, the rule's
     * threshold for binary ones. Data items are [predicted, true, count].
     */
    public static String confusion(ComparisonResult result, SplitPart part, long runId) {
        ComparisonResult.PartData d = result.data().get(runId).get(part);
        long[][] cm;
        if (d.multiClass() != null) {
            cm = d.multiClass().confusion();
        } else {
            var m = d.evaluation().atThreshold();
            cm = new long[][] {{m.tn(), m.fp()}, {m.fn(), m.tp()}};
        }
        int k = cm.length;
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add("Class " + c);
        }
        List<long[]> cells = new ArrayList<>();
        long max = 1;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                cells.add(new long[] {p, t, cm[t][p]});
                max = Math.max(max, cm[t][p]);
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", result.run(runId).name() + " \u2014 " + ComparisonTable.cohortLabel(part),
                "left", "center", "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "item"));
        o.put("grid", Map.of("left", 70, "right", 20, "top", 40, "bottom", 70));
        o.put("xAxis", Map.of("type", "category", "data", classes, "name", "Predicted", "nameLocation", "middle",
                "nameGap", 28));
        o.put("yAxis", Map.of("type", "category", "data", classes, "name", "True", "nameLocation", "middle",
                "nameGap", 50, "inverse", true));
        o.put("visualMap", Map.of("min", 0, "max", max, "calculable", false, "orient", "horizontal",
                "left", "center", "bottom", 0, "inRange", Map.of("color", List.of("#f7fbff", "#08306b"))));
        o.put("series", List.of(Map.of("type", "heatmap", "name", "Cases", "data", cells,
                "label", Map.of("show", true))));
        return write(o);
    }

    private static BinaryEvaluation evaluation(ComparisonResult result, Run run, SplitPart part) {
        ComparisonResult.PartData d = result.data().get(run.id()).get(part);
        return d == null ? null : d.evaluation();
    }

    private static Map<String, Object> base(String title, String xName, String yName) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "item"));
        // A plain legend wraps onto several lines, so every run's AUC and CI stay visible (no paging).
        o.put("legend", Map.of("type", "plain", "bottom", 0, "textStyle", Map.of("fontSize", 11)));
        o.put("grid", Map.of("left", 55, "right", 20, "top", 40, "bottom", 130));
        o.put("xAxis", valueAxis(xName, 0));
        o.put("yAxis", valueAxis(yName, 0));
        return o;
    }

    private static Map<String, Object> valueAxis(String name, int grid) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "value");
        a.put("name", name);
        a.put("nameLocation", "middle");
        a.put("nameGap", 28);
        a.put("min", 0);
        a.put("max", 1);
        a.put("gridIndex", grid);
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> axis(Map<String, Object> o, String key) {
        return (Map<String, Object>) o.get(key);
    }

    private static Map<String, Object> line(String name, List<double[]> pts) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "line");
        s.put("name", name);
        s.put("data", pts);
        s.put("showSymbol", false);
        s.put("symbolSize", 4);
        return s;
    }

    private static Map<String, Object> diagonal() {
        return Map.of("silent", true, "symbol", "none", "lineStyle", Map.of("type", "dashed", "color", "#888"),
                "data", List.of(List.of(Map.of("coord", List.of(0, 0)), Map.of("coord", List.of(1, 1)))));
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
