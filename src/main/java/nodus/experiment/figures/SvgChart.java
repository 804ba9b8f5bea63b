package nodus.experiment.figures;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link Chart} as a standalone SVG 1.1 document, written as text (no library, no browser): a 600 × 400 viewBox
 * sized 6 × 4 in, white background, grid, axes with ticks and labels, the series clipped to the plot area, and a
 * framed legend. The output depends only on the chart (no timestamps), so the same run gives the same bytes.
 */
final class SvgChart {

    private static final String FONT_FAMILY = "DejaVu Sans, Helvetica, Arial, sans-serif";

    private SvgChart() {
    }

    static byte[] render(Chart chart) {
        Layout l = new Layout(chart);
        StringBuilder s = new StringBuilder(8192);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"6in\" height=\"4in\" viewBox=\"0 0 ")
                .append(n(Layout.WIDTH)).append(' ').append(n(Layout.HEIGHT)).append("\" font-family=\"")
                .append(FONT_FAMILY).append("\">\n");
        s.append("<title>").append(esc(chart.title())).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<defs><clipPath id=\"plot\"><rect x=\"").append(n(l.plotX)).append("\" y=\"").append(n(l.plotY))
                .append("\" width=\"").append(n(l.plotW)).append("\" height=\"").append(n(l.plotH))
                .append("\"/></clipPath></defs>\n");
        // grid and ticks
        s.append("<g stroke=\"#e3e3e3\" stroke-width=\"0.6\">\n");
        for (double t : l.xTicks()) {
            s.append(line(l.x(t), l.plotY, l.x(t), l.plotY + l.plotH));
        }
        for (double t : l.yTicks()) {
            s.append(line(l.plotX, l.y(t), l.plotX + l.plotW, l.y(t)));
        }
        s.append("</g>\n<g stroke=\"#000000\" stroke-width=\"1\">\n");
        s.append("<rect x=\"").append(n(l.plotX)).append("\" y=\"").append(n(l.plotY)).append("\" width=\"")
                .append(n(l.plotW)).append("\" height=\"").append(n(l.plotH)).append("\" fill=\"none\"/>\n");
        for (double t : l.xTicks()) {
            s.append(line(l.x(t), l.plotY + l.plotH, l.x(t), l.plotY + l.plotH + 4));
        }
        for (double t : l.yTicks()) {
            s.append(line(l.plotX - 4, l.y(t), l.plotX, l.y(t)));
        }
        s.append("</g>\n<g font-size=\"").append(n(Layout.SMALL_FONT)).append("\" fill=\"#000000\">\n");
        for (double t : l.xTicks()) {
            s.append(text(l.x(t), l.plotY + l.plotH + 16, "middle", Layout.tickLabel(t)));
        }
        for (double t : l.yTicks()) {
            s.append(text(l.plotX - 7, l.y(t) + 3.5, "end", Layout.tickLabel(t)));
        }
        s.append("</g>\n<g font-size=\"").append(n(Layout.FONT)).append("\" fill=\"#000000\">\n");
        s.append(text(l.plotX + l.plotW / 2, Layout.HEIGHT - 12, "middle", chart.xLabel()));
        double cy = l.plotY + l.plotH / 2;
        s.append("<text x=\"16\" y=\"").append(n(cy)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(n(cy)).append(")\">").append(esc(chart.yLabel())).append("</text>\n");
        s.append("<text x=\"").append(n(Layout.WIDTH / 2)).append("\" y=\"22\" text-anchor=\"middle\" font-weight=\"bold\">")
                .append(esc(chart.title())).append("</text>\n</g>\n");
        // series
        s.append("<g clip-path=\"url(#plot)\" fill=\"none\">\n");
        for (Chart.Series se : chart.series()) {
            double[] x = se.x();
            double[] y = se.y();
            if (se.line() && x.length > 1) {
                s.append("<polyline stroke=\"").append(se.color()).append("\" stroke-width=\"1.8\"")
                        .append(se.dashed() ? " stroke-dasharray=\"5 4\"" : "").append(" points=\"");
                for (int i = 0; i < x.length; i++) {
                    s.append(i == 0 ? "" : " ").append(n(l.x(x[i]))).append(',').append(n(l.y(y[i])));
                }
                s.append("\"/>\n");
            }
            if (se.markers()) {
                for (int i = 0; i < x.length; i++) {
                    s.append("<circle cx=\"").append(n(l.x(x[i]))).append("\" cy=\"").append(n(l.y(y[i])))
                            .append("\" r=\"3\" fill=\"").append(se.color()).append("\"/>\n");
                }
            }
        }
        s.append("</g>\n");
        legend(s, l);
        s.append("</svg>\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void legend(StringBuilder s, Layout l) {
        List<Chart.Series> entries = l.legendEntries();
        if (entries.isEmpty()) {
            return;
        }
        double[] b = l.legendBox();
        s.append("<g font-size=\"").append(n(Layout.SMALL_FONT)).append("\">\n");
        s.append("<rect x=\"").append(n(b[0])).append("\" y=\"").append(n(b[1])).append("\" width=\"").append(n(b[2]))
                .append("\" height=\"").append(n(b[3])).append("\" fill=\"#ffffff\" fill-opacity=\"0.9\" ")
                .append("stroke=\"#999999\" stroke-width=\"0.6\"/>\n");
        for (int i = 0; i < entries.size(); i++) {
            Chart.Series se = entries.get(i);
            double rowY = b[1] + Layout.LEGEND_PAD + i * Layout.LEGEND_ROW + 6;
            double sx = b[0] + Layout.LEGEND_PAD;
            if (se.line()) {
                s.append("<line x1=\"").append(n(sx)).append("\" y1=\"").append(n(rowY)).append("\" x2=\"")
                        .append(n(sx + Layout.LEGEND_SWATCH)).append("\" y2=\"").append(n(rowY)).append("\" stroke=\"")
                        .append(se.color()).append("\" stroke-width=\"1.8\"")
                        .append(se.dashed() ? " stroke-dasharray=\"5 4\"" : "").append("/>\n");
            }
            if (se.markers()) {
                s.append("<circle cx=\"").append(n(sx + Layout.LEGEND_SWATCH / 2)).append("\" cy=\"").append(n(rowY))
                        .append("\" r=\"3\" fill=\"").append(se.color()).append("\"/>\n");
            }
            s.append(text(sx + Layout.LEGEND_SWATCH + Layout.LEGEND_PAD, rowY + 3.5, "start", se.label()));
        }
        s.append("</g>\n");
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String text) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\">" + esc(text) + "</text>\n";
    }

    /** Canvas coordinates to 2 decimals (0.01 of a unit = 1/30000 of the width: invisible). */
    static String n(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s.equals("-0") ? "0" : s;
    }

    static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
