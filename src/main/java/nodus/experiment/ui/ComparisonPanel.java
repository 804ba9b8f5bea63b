package nodus.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nodus.base.ui.EChart;
import nodus.experiment.Run;
import nodus.experiment.SplitPart;
import nodus.experiment.compare.CaseImages;
import nodus.experiment.compare.ChartOptions;
import nodus.experiment.compare.ComparisonResult;
import nodus.experiment.compare.ComparisonService;
import nodus.experiment.compare.ComparisonSpec;
import nodus.experiment.compare.ComparisonTable;
import nodus.experiment.compare.JournalFormat;

/** The results of a comparison: the table, DeLong matrices, NRI/IDI, figures and the case drill-down. */
class ComparisonPanel extends VerticalLayout {

    private final ComparisonResult result;
    private final Optional<CaseImages> images;
    private final NativeTable table = new NativeTable();
    private final VerticalLayout drilldown = new VerticalLayout();
    private List<ComparisonTable.Line> lines;
    private int sortColumn = -1;
    private boolean ascending;

    ComparisonPanel(ComparisonResult result, Optional<CaseImages> images) {
        this.result = result;
        this.images = images;
        setPadding(false);
        lines = new ArrayList<>(ComparisonTable.lines(result));
        table.setId("comparison-table");
        table.getStyle().set("border-collapse", "collapse");
        add(new H3("Performance"), table, new Paragraph("Threshold: " + (result.spec().threshold()
                == ComparisonSpec.ThresholdChoice.TRAINING_YOUDEN
                ? "Youden threshold of each model's training predictions, applied unchanged to validation and test."
                : "each part's own Youden threshold (optimistic on validation and test).")
                + " Bold: best in the column within a cohort part. Click a header to sort."));
        renderTable();
        add(new H3("Paired DeLong tests (p-values)"), delong());
        add(new H3("NRI / IDI against " + result.run(result.spec().baseline()).name()), reclassification());
        figures();
        drilldown.setId("drilldown");
        drilldown.setPadding(false);
        add(drilldown);
    }

    // ---- table ----

    private void renderTable() {
        table.removeAll();
        NativeTableRow header = new NativeTableRow();
        for (int c = 0; c < ComparisonTable.HEADERS.size(); c++) {
            int column = c;
            String arrow = column == sortColumn ? (ascending ? " \u25b2" : " \u25bc") : "";
            NativeTableHeaderCell th = new NativeTableHeaderCell(ComparisonTable.HEADERS.get(c) + arrow);
            th.getStyle().set("cursor", "pointer").set("padding", "4px 8px").set("border-bottom", "2px solid #444");
            th.getElement().addEventListener("click", e -> sort(column));
            header.add(th);
        }
        table.getHead().add(header);
        NativeTableBody body = table.getBody();
        for (ComparisonTable.Line line : lines) {
            NativeTableRow row = new NativeTableRow();
            for (int c = 0; c < line.cells().size(); c++) {
                NativeTableCell td = new NativeTableCell(line.cells().get(c));
                td.getStyle().set("padding", "3px 8px").set("border-bottom", "1px solid #ddd");
                if (c >= 2) {
                    td.getStyle().set("text-align", "right");
                }
                if (line.best()[c]) {
                    td.addClassName("best");
                    td.getStyle().set("font-weight", "bold").set("background", "#e8f3e8");
                    td.getElement().setAttribute("title", "best in " + line.cells().get(1));
                }
                row.add(td);
            }
            body.add(row);
        }
    }

    private void sort(int column) {
        ascending = column == sortColumn ? !ascending : column < 2;
        sortColumn = column;
        Comparator<ComparisonTable.Line> by = switch (column) {
            case 0 -> Comparator.comparing(l -> l.cells().get(0));
            case 1 -> Comparator.comparing(l -> l.row().part());
            case 4 -> Comparator.comparingDouble(l -> l.row().auc().ciLow());
            case 9 -> Comparator.comparingDouble(l -> l.row().threshold());
            default -> {
                ComparisonTable.Metric m = java.util.Arrays.stream(ComparisonTable.Metric.values())
                        .filter(x -> x.column() == column).findFirst().orElseThrow();
                yield Comparator.comparingDouble(l -> nanLast(m.of(l.row())));
            }
        };
        lines.sort(ascending ? by : by.reversed());
        renderTable();
    }

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    // ---- DeLong and reclassification ----

    private Component delong() {
        HorizontalLayout parts = new HorizontalLayout();
        parts.setWrap(true);
        for (SplitPart part : result.spec().parts()) {
            NativeTable m = new NativeTable();
            m.setId("delong-" + part.name().toLowerCase(Locale.ROOT));
            List<List<String>> cells = ComparisonTable.delongMatrix(result, part);
            for (int i = 0; i < cells.size(); i++) {
                NativeTableRow row = new NativeTableRow();
                for (int c = 0; c < cells.get(i).size(); c++) {
                    Component cell = i == 0 || c == 0 ? new NativeTableHeaderCell(cells.get(i).get(c))
                            : new NativeTableCell(cells.get(i).get(c));
                    cell.getElement().getStyle().set("padding", "3px 8px").set("border", "1px solid #ddd");
                    if (i > 0 && c > 0 && i != c) {
                        cell.getElement().setAttribute("class", "p-value");
                        refusalOf(part, i - 1, c - 1).ifPresent(r -> cell.getElement().setAttribute("title", r));
                    }
                    row.add(cell);
                }
                m.add(row);
            }
            parts.add(new VerticalLayout(new H4(ComparisonTable.cohortLabel(part)), m));
        }
        return parts;
    }

    private Optional<String> refusalOf(SplitPart part, int i, int j) {
        Run a = result.runs().get(i);
        Run b = result.runs().get(j);
        return result.pair(part, a.id(), b.id()).or(() -> result.pair(part, b.id(), a.id()))
                .filter(ComparisonResult.PairTest::refused).map(ComparisonResult.PairTest::refusal);
    }

    private Component reclassification() {
        NativeTable t = new NativeTable();
        t.setId("reclassification");
        NativeTableRow header = new NativeTableRow();
        for (String h : List.of("Model", "Cohort", "NRI (continuous)", "p", "IDI", "p")) {
            header.add(new NativeTableHeaderCell(h));
        }
        t.add(header);
        for (ComparisonResult.Reclass r : result.reclassification()) {
            NativeTableRow row = new NativeTableRow();
            row.add(new NativeTableCell(r.run().name()), new NativeTableCell(ComparisonTable.cohortLabel(r.part())));
            if (r.refusal() != null) {
                NativeTableCell why = new NativeTableCell(r.refusal());
                why.setColspan(4);
                row.add(why);
            } else {
                row.add(new NativeTableCell(JournalFormat.withInterval(r.nri().estimate(), r.nri().ciLow(),
                                r.nri().ciHigh())), new NativeTableCell(JournalFormat.pValue(r.nri().p())),
                        new NativeTableCell(JournalFormat.withInterval(r.idi().estimate(), r.idi().ciLow(),
                                r.idi().ciHigh())), new NativeTableCell(JournalFormat.pValue(r.idi().p())));
            }
            row.getChildren().forEach(c -> c.getElement().getStyle().set("padding", "3px 8px"));
            t.add(row);
        }
        return t;
    }

    // ---- figures ----

    private void figures() {
        var figs = result.spec().figures();
        if (figs.contains(ComparisonSpec.Figure.ROC)) {
            add(new H3("ROC curves"), panels("roc", part -> ChartOptions.roc(result, part), this::rocClick));
        }
        if (figs.contains(ComparisonSpec.Figure.DECISION)) {
            add(new H3("Decision curves"), panels("decision", part -> ChartOptions.decision(result, part),
                    this::decisionClick));
        }
        if (figs.contains(ComparisonSpec.Figure.CALIBRATION)) {
            add(new H3("Calibration"), panels("calibration", part -> ChartOptions.calibration(result, part),
                    this::calibrationClick));
        }
        if (figs.contains(ComparisonSpec.Figure.HISTORY) && ChartOptions.hasHistory(result)) {
            EChart history = chart("history", ChartOptions.history(result));
            add(new H3("Training history"), withDownloads(history, "history"));
        }
        if (figs.contains(ComparisonSpec.Figure.CONFUSION)) {
            long runId = result.spec().baseline();
            add(new H3("Confusion matrix \u2014 " + result.run(runId).name()),
                    panels("confusion", part -> {
                        var d = result.data().get(runId).get(part);
                        return d == null || (d.multiClass() == null && d.evaluation() == null) ? null
                                : ChartOptions.confusion(result, part, runId);
                    }, this::cellClick));
        }
    }

    private interface PartClick {
        void on(SplitPart part, EChart.PointClickEvent event);
    }

    private Component panels(String kind, java.util.function.Function<SplitPart, String> option, PartClick click) {
        HorizontalLayout row = new HorizontalLayout();
        row.setWidthFull();
        row.setId(kind + "-panels");
        for (SplitPart part : result.spec().parts()) {
            String json = option.apply(part);
            if (json == null) {
                continue;
            }
            String id = kind + "-" + part.name().toLowerCase(Locale.ROOT);
            EChart chart = chart(id, json);
            if (click != null) {
                chart.addPointClickListener(e -> click.on(part, e));
            }
            Component panel = withDownloads(chart, id);
            row.add(panel);
            row.setFlexGrow(1, panel);
        }
        return row;
    }

    private static EChart chart(String id, String json) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setHeight("480px");
        chart.setOption(json);
        return chart;
    }

    /** The chart with SVG/PNG download buttons (the element renders both; PNG via a canvas at 3× size). */
    private static Component withDownloads(EChart chart, String name) {
        Button svg = new Button("SVG", e -> chart.getElement().callJsFunction("download", "svg", name));
        Button png = new Button("PNG", e -> chart.getElement().callJsFunction("download", "png", name));
        svg.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        png.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Div box = new Div(chart, new HorizontalLayout(svg, png));
        box.setWidthFull();
        box.getStyle().set("min-width", "280px");
        return box;
    }

    // ---- drill-down ----

    private void rocClick(SplitPart part, EChart.PointClickEvent e) {
        Map<String, Run> byName = new HashMap<>();
        for (Run run : result.runs()) {
            var d = result.data().get(run.id()).get(part);
            if (d != null && d.evaluation() != null) {
                byName.put(ChartOptions.rocSeriesName(run, d.evaluation()), run);
            }
        }
        Run run = byName.get(e.seriesName());
        if (run == null) {
            return;
        }
        var roc = result.data().get(run.id()).get(part).evaluation().roc();
        double threshold = roc.thresholds()[e.dataIndex()];
        showCases(run.name() + ", " + ComparisonTable.cohortLabel(part) + ": cases with score \u2265 "
                        + JournalFormat.number(threshold),
                ComparisonService.casesAtOrAbove(result, part, run.id(), threshold), run.id());
    }

    /** A decision-curve point: the cases the run treats at that threshold probability (probability ≥ pt). */
    private void decisionClick(SplitPart part, EChart.PointClickEvent e) {
        Run run = runNamed(part, e.seriesName(), (r, ev) -> r.name());
        if (run == null) {
            return; // treat all / treat none: no model behind them
        }
        var nb = result.data().get(run.id()).get(part).evaluation().netBenefit();
        if (nb == null || e.dataIndex() < 0 || e.dataIndex() >= nb.size()) {
            return;
        }
        double pt = nb.get(e.dataIndex()).threshold();
        showCases(run.name() + ", " + ComparisonTable.cohortLabel(part) + ": cases treated at threshold probability "
                        + JournalFormat.number(pt) + " (probability \u2265 " + JournalFormat.number(pt) + ")",
                ComparisonService.casesTreatedAt(result, part, run.id(), pt), run.id());
    }

    /**
     * A calibration point (its quantile bin's cases) or a histogram bar (cases with probability in that tenth).
     * Line and bars of a run share the series name (one legend toggle); the value tells them apart.
     */
    private void calibrationClick(SplitPart part, EChart.PointClickEvent e) {
        Run run = runNamed(part, e.seriesName(), (r, ev) -> r.name() + " (HL "
                + JournalFormat.p(ev.hosmerLemeshow().p()) + ")");
        if (run == null) {
            return;
        }
        var ev = result.data().get(run.id()).get(part).evaluation();
        var curve = ev.calibrationQuantile();
        double[] v = parse(e.valueJson());
        int i = e.dataIndex();
        String where = run.name() + ", " + ComparisonTable.cohortLabel(part);
        if (curve != null && v.length >= 2 && i >= 0 && i < curve.counts().length
                && Math.abs(v[0] - curve.meanPredicted()[i]) < 1e-4
                && Math.abs(v[1] - curve.fractionOfPositives()[i]) < 1e-4) {
            showCases(where + ": calibration bin " + (i + 1) + " (mean predicted "
                            + JournalFormat.number(curve.meanPredicted()[i]) + ", observed "
                            + JournalFormat.number(curve.fractionOfPositives()[i]) + ")",
                    ComparisonService.casesInCalibrationBin(result, part, run.id(), i), run.id());
        } else if (i >= 0 && i < 10) {
            showCases(where + ": predicted probability in [" + JournalFormat.number(i / 10.0) + ", "
                            + JournalFormat.number((i + 1) / 10.0) + (i == 9 ? "]" : ")"),
                    ComparisonService.casesInHistogramBin(result, part, run.id(), i), run.id());
        }
    }

    private interface SeriesName {
        String of(Run run, nodus.statistics.BinaryEvaluation evaluation);
    }

    private Run runNamed(SplitPart part, String seriesName, SeriesName name) {
        for (Run run : result.runs()) {
            var d = result.data().get(run.id()).get(part);
            if (d != null && d.evaluation() != null && name.of(run, d.evaluation()).equals(seriesName)) {
                return run;
            }
        }
        return null;
    }

    private static double[] parse(String json) {
        if (json == null) {
            return new double[0];
        }
        try {
            return java.util.Arrays.stream(json.replaceAll("[\\[\\]\\s\"]", "").split(","))
                    .mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException ex) {
            return new double[0];
        }
    }

    private void cellClick(SplitPart part, EChart.PointClickEvent e) {
        // Heat-map data items are [predicted, true, count].
        String[] v = e.valueJson().replaceAll("[\\[\\]\\s]", "").split(",");
        if (v.length < 2) {
            return;
        }
        int predicted = Integer.parseInt(v[0]);
        int truth = Integer.parseInt(v[1]);
        long runId = result.spec().baseline();
        showCases(result.run(runId).name() + ", " + ComparisonTable.cohortLabel(part) + ": true class " + truth
                + ", predicted " + predicted, ComparisonService.casesInCell(result, part, runId, truth, predicted),
                runId);
    }

    /**
     * The cases of a drill-down: image with mask outline (and, for runs with one, Grad-CAM) from the
     * {@link CaseImages} hook — a placeholder when no bean provides images — true label, each run's probability.
     */
    void showCases(String title, List<ComparisonService.CaseRow> cases, long runId) {
        drilldown.removeAll();
        Grid<ComparisonService.CaseRow> grid = new Grid<>();
        grid.setId("drilldown-cases");
        grid.addComponentColumn(c -> image(c, runId)).setHeader("Image").setAutoWidth(true);
        for (Run run : result.runs()) {
            if (run.kind() == nodus.experiment.RunKind.FINETUNE && images.isPresent()) {
                grid.addComponentColumn(c -> gradCam(c, run.id())).setHeader("Grad-CAM " + run.name())
                        .setAutoWidth(true);
            }
        }
        grid.addColumn(ComparisonService.CaseRow::caseId).setHeader("Case").setSortable(true);
        grid.addColumn(ComparisonService.CaseRow::label).setHeader("True label").setSortable(true);
        for (Run run : result.runs()) {
            grid.addColumn(c -> JournalFormat.number(c.probabilities().get(run.id()))).setHeader(run.name())
                    .setComparator(c -> c.probabilities().get(run.id())).setSortable(true);
        }
        grid.setItems(cases);
        grid.setAllRowsVisible(cases.size() <= 50);
        Paragraph caption = new Paragraph(title + " (" + cases.size() + " cases)");
        caption.setId("drilldown-title");
        drilldown.add(new H3("Cases"), caption, grid);
    }

    private Component image(ComparisonService.CaseRow c, long runId) {
        return picture(c, images.flatMap(img -> img.thumbnailDataUrl(c.cohortRef(), c.caseId(), runId)));
    }

    /**
     * A button that shows the run's Grad-CAM overlay for the case: computing one takes seconds, so it is done only
     * for the cases the user opens, not for the whole table (see {@link CaseImages#gradCamDataUrl}).
     */
    private Component gradCam(ComparisonService.CaseRow c, long runId) {
        Div holder = new Div();
        Button show = new Button("Grad-CAM");
        show.addClassName("gradcam-button");
        show.addClickListener(e -> holder.removeAll());
        show.addClickListener(e -> holder.add(
                picture(c, images.flatMap(img -> img.gradCamDataUrl(c.cohortRef(), c.caseId(), runId)))));
        holder.add(show);
        return holder;
    }

    private Component picture(ComparisonService.CaseRow c, Optional<String> url) {
        if (url.isPresent()) {
            Image img = new Image(url.get(), c.caseId());
            img.setHeight("64px");
            return img;
        }
        Span none = new Span(images.isPresent() ? "no image" : "images unavailable");
        none.addClassName("case-image-placeholder");
        none.getStyle().set("display", "inline-block").set("width", "64px").set("height", "64px")
                .set("background", "#eee").set("color", "#777").set("font-size", "10px").set("text-align", "center")
                .set("line-height", "64px");
        return none;
    }
}
