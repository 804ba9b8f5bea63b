package nodus.experiment.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nodus.cohort.Table1;
import nodus.experiment.Run;
import nodus.experiment.SplitPart;

/**
 * A saved comparison as one self-contained HTML file: the table, DeLong matrices, NRI/IDI, every figure as an
 * ECharts SVG drawn from inline data (the ECharts library itself is inlined from the webjar, so the file opens
 * offline), the cohort's Table 1 for the runs' cohort version and split, methods text generated from the runs'
 * specs, and the provenance of every run. The same body, with static SVG figures ({@link StaticComparisonFigures})
 * instead of ECharts and no script, is the well-formed XHTML that {@link PdfReport} prints.
 */
final class ReportRenderer {

    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportRenderer() {
    }

    /** Run id → spec JSON and provenance JSON (may be null). */
    record RunTexts(String spec, String provenance) {
    }

    /**
     * Table 1 of one cohort version, task and split used by the runs, or why it is missing.
     *
     * @param runIds the runs that used it
     */
    record CohortTable(String cohortRef, String task, String splitRef, String splitName, String scheme,
                       Table1 table, String missing, List<Long> runIds) {
    }

    /** Everything the report prints besides the comparison itself. */
    record Inputs(Map<Long, RunTexts> texts, List<CohortTable> cohorts) {
        Inputs {
            texts = Map.copyOf(texts);
            cohorts = List.copyOf(cohorts);
        }
    }

    /** The interactive, self-contained HTML report (ECharts inlined). */
    static String render(SavedComparison saved, ComparisonResult result, Inputs inputs) {
        return render(saved, result, inputs, false);
    }

    /** The static XHTML the PDF is printed from: SVG figures, no script, A4 landscape pages. */
    static String renderStatic(SavedComparison saved, ComparisonResult result, Inputs inputs) {
        return render(saved, result, inputs, true);
    }

    private static String render(SavedComparison saved, ComparisonResult result, Inputs inputs, boolean print) {
        Map<Long, RunTexts> texts = inputs.texts();
        StringBuilder h = new StringBuilder(1 << 20);
        h.append(print ? "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
                        : "<!DOCTYPE html><html lang=\"en\">")
                .append("<head><meta charset=\"utf-8\"/><title>")
                .append(esc(saved.name())).append(" \u00b7 Nodus report</title><style>")
                .append(print ? "@page{size:A4 landscape;margin:12mm}body{font-family:'Nodus Sans',sans-serif;"
                        + "font-size:9pt}h1{font-size:16pt}h2{font-size:13pt;page-break-after:avoid}"
                        + "h3{font-size:11pt;page-break-after:avoid}table{page-break-inside:auto}"
                        + "tr{page-break-inside:avoid}.panels{page-break-inside:avoid}"
                        + ".panel{display:inline-block;vertical-align:top;width:32%}"
                        + ".panel svg{width:100%;height:auto}pre{font-size:7pt}"
                        : "body{font-family:system-ui,sans-serif;margin:2em;max-width:1400px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}td:first-child,th:first-child,td:nth-child(2){text-align:left}")
                .append(".best{font-weight:bold}.panels{display:flex;gap:8px}.figure{flex:1;height:480px;")
                .append("min-width:300px}pre{background:#f6f6f6;padding:8px;white-space:pre-wrap}")
                .append("table.table1 td{text-align:left}</style>")
                .append("</head><body>");
        h.append("<h1>").append(esc(saved.name())).append("</h1>");
        h.append("<p>Saved comparison <code>").append(esc(saved.id())).append("</code> by ")
                .append(esc(saved.createdBy())).append(", ").append(saved.createdAt()).append("; report generated ")
                .append(Instant.now()).append(".</p>");

        h.append("<h2>Performance</h2><table id=\"comparison-table\"><thead><tr>");
        ComparisonTable.HEADERS.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (ComparisonTable.Line line : ComparisonTable.lines(result)) {
            h.append("<tr>");
            for (int c = 0; c < line.cells().size(); c++) {
                h.append(line.best()[c] ? "<td class=\"best\">" : "<td>").append(esc(line.cells().get(c)))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table><p>Bold: best value of the column within a cohort part. Threshold: ")
                .append(result.spec().threshold() == ComparisonSpec.ThresholdChoice.TRAINING_YOUDEN
                        ? "Youden threshold of each model's training predictions, applied unchanged to validation "
                        + "and test." : "each part's own Youden threshold (optimistic outside training).")
                .append("</p>");

        h.append("<h2>Paired DeLong tests (p-values)</h2>");
        for (SplitPart part : result.spec().parts()) {
            h.append("<h3>").append(ComparisonTable.cohortLabel(part)).append("</h3><table class=\"delong\">");
            List<List<String>> m = ComparisonTable.delongMatrix(result, part);
            for (int i = 0; i < m.size(); i++) {
                h.append("<tr>");
                for (String cell : m.get(i)) {
                    h.append(i == 0 ? "<th>" : "<td>").append(esc(cell)).append(i == 0 ? "</th>" : "</td>");
                }
                h.append("</tr>");
            }
            h.append("</table>");
            result.delong().stream().filter(t -> t.part() == part && t.refused()).forEach(t -> h.append("<p>")
                    .append(esc(t.a().name() + " vs " + t.b().name() + ": not tested \u2014 " + t.refusal()))
                    .append("</p>"));
        }

        h.append("<h2>Reclassification against ").append(esc(result.run(result.spec().baseline()).name()))
                .append("</h2><table id=\"reclassification\"><tr><th>Model</th><th>Cohort</th>")
                .append("<th>NRI (continuous)</th><th>p</th><th>IDI</th><th>p</th></tr>");
        for (ComparisonResult.Reclass r : result.reclassification()) {
            h.append("<tr><td>").append(esc(r.run().name())).append("</td><td>")
                    .append(ComparisonTable.cohortLabel(r.part())).append("</td>");
            if (r.refusal() != null) {
                h.append("<td colspan=\"4\">").append(esc(r.refusal())).append("</td></tr>");
                continue;
            }
            h.append("<td>").append(esc(JournalFormat.withInterval(r.nri().estimate(), r.nri().ciLow(),
                    r.nri().ciHigh()))).append("</td><td>").append(esc(JournalFormat.pValue(r.nri().p())))
                    .append("</td><td>").append(esc(JournalFormat.withInterval(r.idi().estimate(), r.idi().ciLow(),
                            r.idi().ciHigh()))).append("</td><td>").append(esc(JournalFormat.pValue(r.idi().p())))
                    .append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Figures</h2>");
        if (print) {
            staticFigures(h, result);
        }
        StringBuilder figures = new StringBuilder("var NODUS_FIGURES = {");
        int[] count = {0};
        java.util.function.BiConsumer<String, String> figure = (id, option) -> {
            h.append("<div class=\"figure\" id=\"").append(id).append("\" data-figure=\"").append(id)
                    .append("\"></div>");
            figures.append(count[0]++ == 0 ? "" : ",").append('"').append(id).append("\":").append(option);
        };
        for (ComparisonSpec.Figure f : ComparisonSpec.Figure.values()) {
            if (print || !result.spec().figures().contains(f)) {
                continue;
            }
            if (f == ComparisonSpec.Figure.HISTORY) {
                if (ChartOptions.hasHistory(result)) {
                    h.append("<h3>Training history</h3><div class=\"panels\">");
                    figure.accept("history", ChartOptions.history(result));
                    h.append("</div>");
                }
                continue;
            }
            h.append("<h3>").append(title(f)).append("</h3><div class=\"panels\">");
            for (SplitPart part : result.spec().parts()) {
                String id = f.name().toLowerCase() + "-" + part.name().toLowerCase();
                switch (f) {
                    case ROC -> figure.accept(id, ChartOptions.roc(result, part));
                    case DECISION -> figure.accept(id, ChartOptions.decision(result, part));
                    case CALIBRATION -> figure.accept(id, ChartOptions.calibration(result, part));
                    case CONFUSION -> {
                        Run run = result.run(result.spec().baseline());
                        var d = result.data().get(run.id()).get(part);
                        if (d != null && (d.multiClass() != null || d.evaluation() != null)) {
                            figure.accept(id, ChartOptions.confusion(result, part, run.id()));
                        }
                    }
                    default -> {
                    }
                }
            }
            h.append("</div>");
        }
        figures.append("};");

        h.append("<h2>Methods</h2>").append(methods(result, texts));
        h.append("<h2>Cohort</h2>").append(cohorts(result, inputs.cohorts()));
        h.append("<h2>Provenance</h2>");
        for (Run run : result.runs()) {
            RunTexts t = texts.get(run.id());
            h.append("<h3>").append(esc(run.name())).append(" (run ").append(run.id()).append(")</h3><ul>")
                    .append(li("Kind", run.kind().name())).append(li("Task", run.task()))
                    .append(li("Cohort", run.cohortRef())).append(li("Split hash", run.splitHash()))
                    .append(li("Spec hash", run.specHash())).append(li("Launched by", run.createdBy()))
                    .append(li("Created", String.valueOf(run.createdAt())))
                    .append(li("Finished", String.valueOf(run.finishedAt()))).append("</ul>")
                    .append("<p>Spec:</p><pre>").append(esc(pretty(t == null ? null : t.spec()))).append("</pre>")
                    .append("<p>Provenance:</p><pre>").append(esc(pretty(t == null ? null : t.provenance())))
                    .append("</pre>");
        }
        if (print) {
            return h.append("</body></html>").toString();
        }
        h.append("<script>").append(echarts().replace("</script", "<\\/script")).append("</script>");
        h.append("<script>").append(figures.toString().replace("</", "<\\/"))
                .append("for (var id in NODUS_FIGURES) { var c = echarts.init(document.getElementById(id), null, ")
                .append("{renderer: 'svg'}); c.setOption(NODUS_FIGURES[id]); }")
                .append("document.body.setAttribute('data-figures-rendered', Object.keys(NODUS_FIGURES).length);")
                .append("</script></body></html>");
        return h.toString();
    }


    /** Static figures for print: ROC, DCA and calibration panels per part, and the confusion matrices as tables. */
    private static void staticFigures(StringBuilder h, ComparisonResult result) {
        for (ComparisonSpec.Figure f : List.of(ComparisonSpec.Figure.ROC, ComparisonSpec.Figure.DECISION,
                ComparisonSpec.Figure.CALIBRATION)) {
            if (!result.spec().figures().contains(f)) {
                continue;
            }
            h.append("<h3>").append(title(f)).append("</h3><div class=\"panels\">");
            for (SplitPart part : result.spec().parts()) {
                h.append("<div class=\"panel\" data-figure=\"").append(f.name().toLowerCase()).append('-')
                        .append(part.name().toLowerCase()).append("\">");
                h.append(switch (f) {
                    case ROC -> StaticComparisonFigures.roc(result, part);
                    case DECISION -> StaticComparisonFigures.decision(result, part);
                    default -> StaticComparisonFigures.calibration(result, part);
                });
                h.append("<p class=\"caption\">Figure: ").append(esc(title(f))).append(", ")
                        .append(esc(ComparisonTable.cohortLabel(part))).append("</p></div>");
            }
            h.append("</div>");
        }
        if (result.spec().figures().contains(ComparisonSpec.Figure.CONFUSION)) {
            Run run = result.run(result.spec().baseline());
            h.append("<h3>Confusion matrix \u2014 ").append(esc(run.name())).append("</h3>");
            for (SplitPart part : result.spec().parts()) {
                var d = result.data().get(run.id()).get(part);
                if (d == null || (d.multiClass() == null && d.evaluation() == null)) {
                    continue;
                }
                long[][] cm;
                if (d.multiClass() != null) {
                    cm = d.multiClass().confusion();
                } else {
                    var m = d.evaluation().atThreshold();
                    cm = new long[][] {{m.tn(), m.fp()}, {m.fn(), m.tp()}};
                }
                h.append("<table class=\"confusion\"><tr><th>").append(esc(ComparisonTable.cohortLabel(part)))
                        .append(": true \\ predicted</th>");
                for (int c = 0; c < cm.length; c++) {
                    h.append("<th>Class ").append(c).append("</th>");
                }
                h.append("</tr>");
                for (int t = 0; t < cm.length; t++) {
                    h.append("<tr><td>Class ").append(t).append("</td>");
                    for (long v : cm[t]) {
                        h.append("<td>").append(v).append("</td>");
                    }
                    h.append("</tr>");
                }
                h.append("</table>");
            }
        }
    }

    /** Table 1 per cohort version, task and split used by the runs (normally one). */
    static String cohorts(ComparisonResult result, List<CohortTable> cohorts) {
        StringBuilder s = new StringBuilder("<div id=\"cohort\">");
        if (cohorts.isEmpty()) {
            s.append("<p>No cohort recorded by the runs.</p>");
        }
        for (CohortTable c : cohorts) {
            String names = c.runIds().stream().map(id -> result.run(id).name()).reduce((a, b) -> a + ", " + b)
                    .orElse("");
            if (c.table() == null) {
                s.append("<p>Table 1 of cohort ").append(esc(c.cohortRef())).append(", task ").append(esc(c.task()))
                        .append(", split ").append(esc(c.splitRef())).append(" (used by ").append(esc(names))
                        .append(") is not available: ").append(esc(c.missing())).append(".</p>");
                continue;
            }
            s.append("<h3>Table 1. Baseline characteristics \u2014 ").append(esc(c.cohortRef())).append(", ")
                    .append(esc(c.task())).append("</h3><p>Split ").append(esc(c.splitName())).append(" (")
                    .append(esc(c.scheme())).append(", content hash ").append(esc(c.splitRef())).append("), used by ")
                    .append(esc(names)).append(". Continuous: mean \u00b1 SD; categorical: n (%). p: difference "
                            + "between the classes within each part.</p>").append(table1(c.table()));
        }
        return s.append("</div>").toString();
    }

    /** Table 1 as an HTML table: two header rows (part, then class with n and p), then the variables. */
    static String table1(Table1 t) {
        StringBuilder s = new StringBuilder("<table class=\"table1\"><thead><tr><th rowspan=\"2\">Variable</th>");
        for (String part : t.parts().isEmpty() ? List.of("All") : t.parts()) {
            s.append("<th colspan=\"").append(t.classes().size() + 1).append("\">").append(esc(part)).append("</th>");
        }
        s.append("</tr><tr>");
        for (int p = 0; p < Math.max(1, t.parts().size()); p++) {
            for (int c = 0; c < t.classes().size(); c++) {
                s.append("<th>").append(esc(t.classes().get(c))).append(" (n = ")
                        .append(p < t.counts().size() ? t.counts().get(p)[c] : 0).append(")</th>");
            }
            s.append("<th>p</th>");
        }
        s.append("</tr></thead><tbody>");
        for (Table1.Row r : t.rows()) {
            s.append("<tr><td>").append(r.level() == null ? esc(r.variable()) : "\u2003" + esc(r.level()))
                    .append("</td>");
            for (int p = 0; p < r.cells().size(); p++) {
                for (String cell : r.cells().get(p)) {
                    s.append("<td>").append(esc(cell)).append("</td>");
                }
                double pv = p < r.p().length ? r.p()[p] : Double.NaN;
                s.append("<td>").append(r.level() != null || Double.isNaN(pv) ? "" : esc(JournalFormat.pValue(pv)))
                        .append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    private static String title(ComparisonSpec.Figure f) {
        return switch (f) {
            case ROC -> "ROC curves";
            case DECISION -> "Decision curves";
            case CALIBRATION -> "Calibration curves";
            case HISTORY -> "Training history";
            case CONFUSION -> "Confusion matrix";
        };
    }

    /**
     * Methods text from the specs: for each model its data (cohort version, task, split hash), then its settings
     * grouped as preprocessing, features, feature selection, model and training; then the statistics with their
     * settings. Settings are the spec's own keys and values (the spec is canonical JSON), so nothing is invented.
     */
    static String methods(ComparisonResult result, Map<Long, RunTexts> texts) {
        StringBuilder s = new StringBuilder("<div id=\"methods\">");
        for (Run run : result.runs()) {
            s.append("<p><b>").append(esc(run.name())).append("</b> (").append(kindText(run)).append(", task ")
                    .append(esc(String.valueOf(run.task()))).append(") was developed on cohort ")
                    .append(esc(String.valueOf(run.cohortRef()))).append(" with split ")
                    .append(esc(String.valueOf(run.splitHash()))).append('.');
            RunTexts t = texts.get(run.id());
            Map<String, Map<String, String>> sections = sections(flatten(t == null ? null : t.spec()));
            for (var section : sections.entrySet()) {
                s.append(" <i>").append(section.getKey()).append(":</i> ");
                int i = 0;
                for (var e : section.getValue().entrySet()) {
                    s.append(i++ == 0 ? "" : "; ").append(esc(e.getKey())).append(" = ").append(esc(e.getValue()));
                }
                s.append('.');
            }
            s.append("</p>");
        }
        s.append("<p>All statistics were recomputed from the stored per-case predictions. AUCs are reported with "
                + "95% confidence intervals by DeLong's method (DeLong et al. 1988; fast algorithm of Sun &amp; Xu "
                + "2014) and compared between models on the same cases with the paired DeLong test (two-sided). "
                + "Accuracy, sensitivity, specificity, PPV and NPV are given at ");
        s.append(result.spec().threshold() == ComparisonSpec.ThresholdChoice.TRAINING_YOUDEN
                ? "the Youden-index threshold chosen on each model's training predictions and applied unchanged "
                + "to the validation and test cohorts"
                : "the Youden-index threshold of each cohort part (optimistic outside the training part)");
        s.append(", with Wilson 95% intervals. Clinical utility was assessed by decision curve analysis (net "
                + "benefit at threshold probabilities 0.01\u20130.99, Vickers &amp; Elkin 2006); calibration by "
                + "calibration curves with 10 quantile bins and the Hosmer\u2013Lemeshow test (10 equal-size "
                + "groups, df = 8). Reclassification against the baseline model was quantified by the continuous "
                + "net reclassification improvement and the integrated discrimination improvement (Pencina et al. "
                + "2008, 2011) with asymptotic Wald intervals. p &lt; 0.05 was considered significant.</p></div>");
        return s.toString();
    }


    /** Section headings of the methods text, in print order. */
    static final List<String> SECTIONS = List.of("Preprocessing", "Features", "Feature selection", "Model",
            "Training", "Other settings");

    // Which section a spec key belongs to, by the words the classical and fine-tuning specs use.
    private static String section(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        if (k.matches(".*(clip|binwidth|imagesize|augment|resampl|normali|spacing|crop|\\.label).*")) {
            return "Preprocessing";
        }
        if (k.matches(".*(spearman|lasso|screening|selection|cgrid|folds|\\.cv\\b|pvalue|threshold).*")) {
            return "Feature selection";
        }
        if (k.matches(".*(radiomics|paramsyaml|feature|pca|deep|backbone|weights).*")) {
            return "Features";
        }
        if (k.matches(".*(epoch|batch|\\blr\\b|^lr|momentum|weightdecay|freeze|lrfactor|earlystopping|patience).*")) {
            return "Training";
        }
        if (k.matches(".*(model|clinical|combined|svm|kernel|logistic|classifier|c\\b).*")) {
            return "Model";
        }
        return "Other settings";
    }

    /** Spec leaves grouped into {@link #SECTIONS}; the data keys (cohort, task, split) are printed elsewhere. */
    static Map<String, Map<String, String>> sections(Map<String, String> settings) {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        SECTIONS.forEach(x -> out.put(x, new TreeMap<>()));
        settings.forEach((k, v) -> {
            if (!List.of("cohortRef", "task", "split", "name").contains(k)) {
                out.get(section(k)).put(k, v);
            }
        });
        out.values().removeIf(Map::isEmpty);
        return out;
    }

    private static String kindText(Run run) {
        return switch (run.kind()) {
            case RADIOMICS -> "radiomics signature: feature extraction, Spearman filter, z-score, LASSO";
            case CLINICAL -> "clinical model: univariate screening, LASSO / logistic regression";
            case COMBINED -> "combined model: clinical factors, radiomics signature and deep-feature PCA";
            case FINETUNE -> "fine-tuned ImageNet-pretrained CNN";
        };
    }

    /** The spec's leaves as "a.b = value", sorted by key (the spec is canonical JSON). */
    static Map<String, String> flatten(String json) {
        Map<String, String> out = new TreeMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            flatten("", JSON.readTree(json), out);
        } catch (IOException e) {
            out.put("spec", json);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else {
            out.put(prefix.isEmpty() ? "value" : prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static String pretty(String json) {
        if (json == null) {
            return "(none recorded)";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }

    private static String li(String k, String v) {
        return "<li>" + esc(k) + ": " + esc(v == null ? "\u2013" : v) + "</li>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String echarts() {
        try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException("ECharts webjar not on the classpath: " + ECHARTS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
