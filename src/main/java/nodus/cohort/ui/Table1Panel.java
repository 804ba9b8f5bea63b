package nodus.cohort.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nodus.cohort.BaselineService;
import nodus.cohort.Cohort;
import nodus.cohort.Split;
import nodus.cohort.SplitService;
import nodus.cohort.Table1;
import nodus.cohort.Table1Builder;
import nodus.cohort.Table1Export;
import nodus.cohort.Task;

/** Table 1 of a task, overall or per part of a split, with CSV and XLSX downloads. */
class Table1Panel extends VerticalLayout {

    private static final Split NO_SPLIT = null;
    private final Cohort cohort;
    private final SplitService splits;
    private final BaselineService baseline;
    private final Select<Task> task = new Select<>();
    private final Select<Optional<Split>> split = new Select<>();
    private final Div table = new Div();
    private final HorizontalLayout downloads = new HorizontalLayout();

    Table1Panel(Cohort cohort, SplitService splits, BaselineService baseline) {
        this.cohort = cohort;
        this.splits = splits;
        this.baseline = baseline;
        setPadding(false);
        task.setLabel("Task");
        task.setItems(cohort.tasks());
        task.setItemLabelGenerator(Task::name);
        task.setValue(cohort.tasks().get(0));
        task.setId("table1-task");
        split.setLabel("Split");
        split.setItemLabelGenerator(s -> s.map(x -> x.name() + " (" + x.contentHash().substring(0, 8) + ")")
                .orElse("no split (all cases)"));
        split.setId("table1-split");
        task.addValueChangeListener(e -> refreshSplits());
        split.addValueChangeListener(e -> render());
        table.setId("table1");
        table.setWidthFull();
        table.getStyle().set("overflow-x", "auto");
        HorizontalLayout controls = new HorizontalLayout(task, split);
        add(controls, downloads, table);
        refreshSplits();
    }

    /** Re-reads the task's splits and shows the newest. */
    void refreshSplits() {
        List<Optional<Split>> options = new ArrayList<>();
        options.add(Optional.ofNullable(NO_SPLIT));
        splits.list(cohort.id()).stream().filter(s -> s.taskName().equals(task.getValue().name()))
                .forEach(s -> options.add(Optional.of(s)));
        split.setItems(options);
        split.setValue(options.get(options.size() - 1));
        render();
    }

    private void render() {
        if (task.getValue() == null || split.getValue() == null) {
            return;
        }
        Table1 t = baseline.table1(cohort.id(), task.getValue().name(), split.getValue().map(Split::id).orElse(null));
        table.removeAll();
        table.add(new Html(html(t)));
        downloads.removeAll();
        String base = "table1-" + cohort.name().replaceAll("[^A-Za-z0-9]+", "-") + "-v" + cohort.version();
        Anchor csv = new Anchor(new StreamResource(base + ".csv",
                () -> new ByteArrayInputStream(Table1Export.csv(t).getBytes(StandardCharsets.UTF_8))), "Download CSV");
        csv.getElement().setAttribute("download", true);
        csv.setId("table1-csv");
        Anchor xlsx = new Anchor(new StreamResource(base + ".xlsx",
                () -> new ByteArrayInputStream(Table1Export.xlsx(t))), "Download XLSX");
        xlsx.getElement().setAttribute("download", true);
        xlsx.setId("table1-xlsx");
        downloads.add(csv, xlsx);
    }

    static String html(Table1 t) {
        StringBuilder h = new StringBuilder("<table style=\"border-collapse:collapse;font-size:var(--lumo-font-size-s)\">");
        h.append("<thead><tr><th rowspan=\"2\" style=\"text-align:left;padding:2px 8px\">Characteristic</th>");
        for (String part : t.parts()) {
            h.append("<th colspan=\"").append(t.classes().size() + 1).append("\" style=\"padding:2px 8px;")
                    .append("border-bottom:1px solid #ccc\">").append(esc(part)).append("</th>");
        }
        h.append("</tr><tr>");
        for (int p = 0; p < t.parts().size(); p++) {
            for (int c = 0; c < t.classes().size(); c++) {
                h.append("<th style=\"padding:2px 8px\">").append(esc(t.classes().get(c))).append(" (n=")
                        .append(t.counts().get(p)[c]).append(")</th>");
            }
            h.append("<th style=\"padding:2px 8px\">p</th>");
        }
        h.append("</tr></thead><tbody>");
        for (Table1.Row r : t.rows()) {
            boolean head = r.level() == null;
            h.append("<tr style=\"border-top:").append(head ? "1px solid #eee" : "none").append("\"><td style=\"padding:2px 8px;")
                    .append(head ? "font-weight:600" : "padding-left:24px").append("\">")
                    .append(esc(head ? r.variable() : r.level())).append("</td>");
            for (int p = 0; p < t.parts().size(); p++) {
                for (String cell : r.cells().get(p)) {
                    h.append("<td style=\"padding:2px 8px;text-align:center\">").append(esc(cell)).append("</td>");
                }
                String test = r.test().get(p);
                h.append("<td style=\"padding:2px 8px;text-align:center\" title=\"").append(esc(test)).append("\">")
                        .append(esc(Table1Builder.formatP(r.p()[p]))).append(test.isEmpty() ? "" : superscript(test))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        h.append("<p style=\"font-size:var(--lumo-font-size-xs)\">Mean ± SD or n (%) of the class. p: ᵗ Student's t "
                + "test, ᵘ Mann–Whitney U (when a class sample is not normal, D'Agostino–Pearson), ᵃ one-way ANOVA, ᵏ Kruskal–Wallis (3 or more classes; ANOVA only when every class sample "
                + "is normal), ᶜ Pearson χ², "
                + "ᶠ Fisher's exact test (2×2 with an expected count &lt; 5).</p>");
        return "<div>" + h + "</div>";
    }

    private static String superscript(String test) {
        return switch (test) {
            case "student_t" -> "ᵗ";
            case "mann_whitney_u" -> "ᵘ";
            case "chi_square" -> "ᶜ";
            case "fisher_exact" -> "ᶠ";
            case "anova" -> "ᵃ";
            case "kruskal_wallis" -> "ᵏ";
            default -> "";
        };
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
