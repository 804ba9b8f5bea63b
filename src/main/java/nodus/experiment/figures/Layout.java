package nodus.experiment.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry shared by the SVG and PNG renderers, in abstract units of a 600 × 400 canvas (the SVG's viewBox; the PNG
 * scales it, ×3 for 1800 × 1200 px at 300 dpi = 6 × 4 in): plot area, data → canvas mapping, "nice" ticks
 * (1, 2 or 5 × 10^k steps, about 5 per axis) and the legend box.
 */
final class Layout {

    static final double WIDTH = 600;
    static final double HEIGHT = 400;
    static final double FONT = 12;
    static final double SMALL_FONT = 10.5;
    /** Left, right, top, bottom margins around the plot area. */
    static final double LEFT = 62;
    static final double RIGHT = 18;
    static final double TOP = 34;
    static final double BOTTOM = 48;
    /** Average glyph advance of the sans-serif font as a fraction of its size (to size the legend box). */
    static final double GLYPH = 0.56;

    final Chart chart;
    final double plotX = LEFT;
    final double plotY = TOP;
    final double plotW = WIDTH - LEFT - RIGHT;
    final double plotH = HEIGHT - TOP - BOTTOM;

    Layout(Chart chart) {
        this.chart = chart;
    }

    double x(double v) {
        return plotX + (v - chart.xMin()) / (chart.xMax() - chart.xMin()) * plotW;
    }

    double y(double v) {
        return plotY + plotH - (v - chart.yMin()) / (chart.yMax() - chart.yMin()) * plotH;
    }

    List<Double> xTicks() {
        return ticks(chart.xMin(), chart.xMax());
    }

    List<Double> yTicks() {
        return ticks(chart.yMin(), chart.yMax());
    }

    /** Ticks at multiples of a 1/2/5 × 10^k step within [lo, hi], about 5 of them. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
            // through BigDecimal so 0.6000000000000001 prints as 0.6
            out.add(new BigDecimal(k).multiply(BigDecimal.valueOf(step)).doubleValue());
        }
        return out;
    }

    static String tickLabel(double v) {
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Legend entries (series with a label). */
    List<Chart.Series> legendEntries() {
        return chart.series().stream().filter(s -> s.label() != null).toList();
    }

    static final double LEGEND_ROW = 16;
    static final double LEGEND_SWATCH = 22;
    static final double LEGEND_PAD = 7;

    /** The legend box: x, y, width, height in canvas units. */
    double[] legendBox() {
        List<Chart.Series> entries = legendEntries();
        double textW = entries.stream().mapToDouble(s -> s.label().length() * SMALL_FONT * GLYPH).max().orElse(0);
        double w = LEGEND_PAD * 3 + LEGEND_SWATCH + textW;
        double h = LEGEND_PAD * 2 + entries.size() * LEGEND_ROW - 4;
        double inset = 8;
        double bx = switch (chart.legend()) {
            case TOP_LEFT -> plotX + inset;
            case TOP_RIGHT, BOTTOM_RIGHT -> plotX + plotW - inset - w;
        };
        double by = chart.legend() == Chart.LegendPosition.BOTTOM_RIGHT ? plotY + plotH - inset - h : plotY + inset;
        return new double[] {bx, by, w, h};
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
