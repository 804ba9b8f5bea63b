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
import nodus.experiment.Run;
import nodus.experiment.SplitPart;

/**
 * A saved comparison as one self-contained HTML file: the table, DeLong matrices, NRI/IDI, every figure as an
 * ECharts SVG drawn from inline data (the ECharts library itself is inlined from the webjar, so the file opens
 * offline), methods text generated from the runs' specs, and the provenance of every run.
 */
final class ReportRenderer {

    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportRenderer() {
    }

    /** Run id → spec JSON and provenance JSON (may be null). */
    record RunTexts(String spec, String provenance) {
    }

    static String render(SavedComparison saved, ComparisonResult result, Map<Long, RunTexts> texts) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(saved.name())).append(" \u00b7 Nodus report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1400px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}td:first-child,th:first-child,td:nth-child(2){text-align:left}")
                .append(".best{font-weight:bold}.panels{display:flex;gap:8px}.figure{flex:1;height:480px;")
                .append("min-width:300px}pre{background:#f6f6f6;padding:8px;white-space:pre-wrap}</style>")
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
        StringBuilder figures = new StringBuilder("var NODUS_FIGURES = {");
        int[] count = {0};
        java.util.function.BiConsumer<String, String> figure = (id, option) -> {
            h.append("<div class=\"figure\" id=\"").append(id).append("\" data-figure=\"").append(id)
                    .append("\"></div>");
            figures.append(count[0]++ == 0 ? "" : ",").append('"').append(id).append("\":").append(option);
        };
        for (ComparisonSpec.Figure f : ComparisonSpec.Figure.values()) {
            if (!result.spec().figures().contains(f)) {
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
        h.append("<h2>Cohort</h2><p>The cohort's baseline table (Table 1) is added here once the cohort feature "
                + "provides it; the runs below name their cohort version and split hash.</p>");
        h.append("<h2>Provenance</h2>");
        for (Run run : result.runs()) {
            RunTexts t = texts.get(run.id());
            h.append("<h3>").append(esc(run.name())).append(" (run ").append(run.id()).append(")</h3><ul>")
                    .append(li("Kind", run.kind().name())).append(li("Task", run.task()))
                    .append(li("Cohort", run.cohortRef())).append(li("Split hash", run.splitHash()))
                    .append(li("Spec hash", run.specHash())).append(li("Launched by", run.createdBy()))
                    .append(li("Created", String.valueOf(run.createdAt())))
                    .append(li("Finished", String.valueOf(run.finishedAt()))).append("</ul>")
                    .append("<p>Spec:</p><pre>").append(esc(pretty(t.spec()))).append("</pre>")
                    .append("<p>Provenance:</p><pre>").append(esc(pretty(t.provenance()))).append("</pre>");
        }
        h.append("<script>").append(echarts().replace("</script", "<\\/script")).append("</script>");
        h.append("<script>").append(figures.toString().replace("</", "<\\/"))
                .append("for (var id in NODUS_FIGURES) { var c = echarts.init(document.getElementById(id), null, ")
                .append("{renderer: 'svg'}); c.setOption(NODUS_FIGURES[id]); }")
                .append("document.body.setAttribute('data-figures-rendered', Object.keys(NODUS_FIGURES).length);")
                .append("</script></body></html>");
        return h.toString();
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

    /** Methods text from the specs: each model's settings, then the statistics with their settings. */
    static String methods(ComparisonResult result, Map<Long, RunTexts> texts) {
        StringBuilder s = new StringBuilder("<div id=\"methods\">");
        for (Run run : result.runs()) {
            s.append("<p><b>").append(esc(run.name())).append("</b> (").append(kindText(run)).append(", task ")
                    .append(esc(String.valueOf(run.task()))).append(")");
            Map<String, String> settings = flatten(texts.get(run.id()).spec());
            if (!settings.isEmpty()) {
                s.append(" with settings: ");
                int i = 0;
                for (var e : settings.entrySet()) {
                    s.append(i++ == 0 ? "" : "; ").append(esc(e.getKey())).append(" = ").append(esc(e.getValue()));
                }
            }
            s.append(".</p>");
        }
        s.append("<p>All statistics were recomputed from the stored per-case predictions. AUCs are reported with "
                + "95% confidence intervals by DeLong's method (DeLong et al. 1988; fast algorithm of Sun & Xu "
                + "2014) and compared between models on the same cases with the paired DeLong test (two-sided). "
                + "Accuracy, sensitivity, specificity, PPV and NPV are given at ");
        s.append(result.spec().threshold() == ComparisonSpec.ThresholdChoice.TRAINING_YOUDEN
                ? "the Youden-index threshold chosen on each model's training predictions and applied unchanged "
                + "to the validation and test cohorts"
                : "the Youden-index threshold of each cohort part (optimistic outside the training part)");
        s.append(", with Wilson 95% intervals. Clinical utility was assessed by decision curve analysis (net "
                + "benefit at threshold probabilities 0.01\u20130.99, Vickers & Elkin 2006); calibration by "
                + "calibration curves with 10 quantile bins and the Hosmer\u2013Lemeshow test (10 equal-size "
                + "groups, df = 8). Reclassification against the baseline model was quantified by the continuous "
                + "net reclassification improvement and the integrated discrimination improvement (Pencina et al. "
                + "2008, 2011) with asymptotic Wald intervals. p < 0.05 was considered significant.</p></div>");
        return s.toString();
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
