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
            add(new H3("Decision curves"), panels("decision", part -> ChartOptions.decision(result, part), null));
        }
        if (figs.contains(ComparisonSpec.Figure.CALIBRATION)) {
            add(new H3("Calibration"), panels("calibration", part -> ChartOptions.calibration(result, part), null));
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

    void showCases(String title, List<ComparisonService.CaseRow> cases, long runId) {
        drilldown.removeAll();
        Grid<ComparisonService.CaseRow> grid = new Grid<>();
        grid.setId("drilldown-cases");
        images.ifPresent(img -> grid.addComponentColumn(c -> img.thumbnailDataUrl(c.cohortRef(), c.caseId(), runId)
                .<Component>map(url -> new Image(url, c.caseId())).orElseGet(Span::new)).setHeader("Image"));
        grid.addColumn(ComparisonService.CaseRow::caseId).setHeader("Case").setSortable(true);
        grid.addColumn(ComparisonService.CaseRow::label).setHeader("True label").setSortable(true);
        for (Run run : result.runs()) {
            grid.addColumn(c -> JournalFormat.number(c.probabilities().get(run.id()))).setHeader(run.name())
                    .setComparator(c -> c.probabilities().get(run.id())).setSortable(true);
        }
        grid.setItems(cases);
        grid.setAllRowsVisible(cases.size() <= 50);
        drilldown.add(new H3("Cases"), new Paragraph(title + " (" + cases.size() + " cases)"), grid);
    }
}
