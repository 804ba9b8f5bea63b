package nodus.experiment.figures;

import java.util.List;

/**
 * A line/point chart in data coordinates, independent of the output format: axes ranges and labels, the series
 * (drawn in order, clipped to the plot area) and where the legend goes. {@link SvgChart} and {@link PngChart}
 * draw the same chart from the same {@link Layout}, so SVG and PNG show the same figure.
 *
 * @param title  the title above the plot
 * @param xLabel x-axis label (with units)
 * @param yLabel y-axis label (with units)
 * @param legend where the legend box sits inside the plot area
 */
public record Chart(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax,
                    List<Series> series, LegendPosition legend) {

    public enum LegendPosition { TOP_LEFT, TOP_RIGHT, BOTTOM_RIGHT }

    public Chart {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("axis ranges must be non-empty: x " + xMin + "–" + xMax + ", y "
                    + yMin + "–" + yMax);
        }
        series = List.copyOf(series);
    }

    /**
     * One series.
     *
     * @param label   legend text (null = not in the legend)
     * @param color   CSS hex colour, e.g. {@code #1f77b4}
     * @param dashed  dashed line (references: chance, treat all, perfect calibration)
     * @param line    draw a polyline through the points
     * @param markers draw a circle at every point
     */
    public record Series(String label, double[] x, double[] y, String color, boolean dashed, boolean line,
                         boolean markers) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + label + "': x and y differ in length");
            }
            if (!color.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("colour must be #rrggbb, got " + color);
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }
}
