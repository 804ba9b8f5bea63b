package nodus.cohort.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import java.util.Locale;
import nodus.cohort.Correlation;

/** The Pearson correlation matrix of the clinical variables as a coloured HTML table (blue −1 … white 0 … red +1). */
class HeatMapPanel extends Div {

    HeatMapPanel(Correlation.Matrix m) {
        setId("heat-map");
        getStyle().set("overflow-x", "auto");
        StringBuilder h = new StringBuilder("<div><table style=\"border-collapse:collapse;font-size:11px\"><tr><th></th>");
        for (String n : m.names()) {
            h.append("<th style=\"writing-mode:vertical-rl;transform:rotate(180deg);padding:2px\">")
                    .append(Table1Panel.esc(n)).append("</th>");
        }
        h.append("</tr>");
        for (int i = 0; i < m.names().size(); i++) {
            h.append("<tr><th style=\"text-align:right;padding:2px 6px\">").append(Table1Panel.esc(m.names().get(i)))
                    .append("</th>");
            for (int j = 0; j < m.names().size(); j++) {
                double r = m.r()[i][j];
                String text = Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f", r);
                h.append("<td title=\"").append(Table1Panel.esc(m.names().get(i) + " × " + m.names().get(j) + ": r = "
                        + text)).append("\" style=\"width:34px;height:22px;text-align:center;background:")
                        .append(colour(r)).append("\">").append(text).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table><p style=\"font-size:var(--lumo-font-size-xs)\">Pearson r, pairwise complete cases; "
                + "ordinal variables by category rank, two-level variables as 0/1, other nominal variables left out."
                + "</p></div>");
        add(new Html(h.toString()));
    }

    static String colour(double r) {
        if (Double.isNaN(r)) {
            return "#eee";
        }
        double a = Math.min(1, Math.abs(r));
        int other = (int) Math.round(255 * (1 - a));
        return r >= 0 ? String.format("rgb(255,%d,%d)", other, other) : String.format("rgb(%d,%d,255)", other, other);
    }
}
