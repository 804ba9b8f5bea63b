package nodus.experiment.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nodus.experiment.Run;
import nodus.experiment.SplitPart;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.CalibrationCurve;
import nodus.statistics.NetBenefit;
import nodus.statistics.RocCurve;

/**
 * Static SVG (no script) of the comparison's overlaid curves for one part — ROC, decision curve with treat-all
 * and treat-none, calibration with the diagonal — for the PDF report, where the interactive ECharts figures
 * cannot run. Drawn from the same evaluations as {@link ChartOptions}, with the same legends (AUC with 95% CI,
 * Hosmer–Lemeshow p) and the ECharts default palette so both reports look alike. Deliberately minimal: axes,
 * ticks at 0.2 (0.05 for net benefit), polylines, a legend below the plot.
 */
public final class StaticComparisonFigures {

    /** Figure size in CSS px (1 px = 0.75 pt in the PDF). */
    static final int WIDTH = 420;
    private static final int LEFT = 52;
    private static final int RIGHT = 14;
    private static final int TOP = 30;
    private static final int PLOT = 300;
    private static final int LEGEND_LINE = 15;
    private static final String[] PALETTE = {"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272",
        "#fc8452", "#9a60b4", "#ea7ccc"};

    private StaticComparisonFigures() {
    }

    /** ROC overlay: one line per run with AUC and CI in the legend, and the chance diagonal. */
    public static String roc(ComparisonResult result, SplitPart part) {
        Plot p = new Plot("ROC \u2014 " + ComparisonTable.cohortLabel(part), "1 \u2212 Specificity", "Sensitivity",
                0, 1, 0.2);
        p.line(List.of(new double[] {0, 0}, new double[] {1, 1}), "#888888", true, null);
        int i = 0;
        for (Run run : result.runs()) {
            BinaryEvaluation e = evaluation(result, run, part);
            if (e != null) {
                RocCurve roc = e.roc();
                List<double[]> pts = new ArrayList<>();
                for (int k = 0; k < roc.size(); k++) {
                    pts.add(new double[] {roc.fpr()[k], roc.tpr()[k]});
                }
                p.line(pts, PALETTE[i % PALETTE.length], false, ChartOptions.rocSeriesName(run, e));
            }
            i++;
        }
        return p.svg("roc-" + part.name().toLowerCase(Locale.ROOT));
    }

    /** Net benefit of each run at pt = 0.01…0.99, with treat-all and treat-none (Vickers &amp; Elkin 2006). */
    public static String decision(ComparisonResult result, SplitPart part) {
        List<NetBenefit> all = null;
        double top = 0.05;
        for (Run run : result.runs()) {
            BinaryEvaluation e = evaluation(result, run, part);
            if (e != null && e.netBenefit() != null) {
                all = e.netBenefit();
                for (NetBenefit nb : all) {
                    top = Math.max(top, Math.max(nb.model(), nb.treatAll()));
                }
            }
        }
        // Net benefit is at most the prevalence: the axis fits the data, in steps of 0.05, from −0.1.
        top = Math.ceil(top / 0.05 - 1e-9) * 0.05;
        Plot p = new Plot("Decision curve \u2014 " + ComparisonTable.cohortLabel(part), "Threshold probability",
                "Net benefit", -0.1, top, 0.05);
        int i = 0;
        for (Run run : result.runs()) {
            BinaryEvaluation e = evaluation(result, run, part);
            if (e != null && e.netBenefit() != null) {
                p.line(e.netBenefit().stream().map(nb -> new double[] {nb.threshold(), nb.model()}).toList(),
                        PALETTE[i % PALETTE.length], false, run.name());
            }
            i++;
        }
        if (all != null) {
            p.line(all.stream().map(nb -> new double[] {nb.threshold(), nb.treatAll()}).toList(), "#555555", true,
                    "Treat all");
            p.line(List.of(new double[] {0, 0}, new double[] {1, 0}), "#000000", false, "Treat none");
        }
        return p.svg("decision-" + part.name().toLowerCase(Locale.ROOT));
    }

    /** Calibration with quantile bins (scikit-learn), the diagonal, and Hosmer–Lemeshow p in the legend. */
    public static String calibration(ComparisonResult result, SplitPart part) {
        Plot p = new Plot("Calibration \u2014 " + ComparisonTable.cohortLabel(part), "Mean predicted probability",
                "Observed fraction", 0, 1, 0.2);
        p.line(List.of(new double[] {0, 0}, new double[] {1, 1}), "#888888", true, "Perfectly calibrated");
        int i = 0;
        for (Run run : result.runs()) {
            BinaryEvaluation e = evaluation(result, run, part);
            if (e != null && e.calibrationQuantile() != null) {
                CalibrationCurve c = e.calibrationQuantile();
                List<double[]> pts = new ArrayList<>();
                for (int k = 0; k < c.meanPredicted().length; k++) {
                    pts.add(new double[] {c.meanPredicted()[k], c.fractionOfPositives()[k]});
                }
                String color = PALETTE[i % PALETTE.length];
                p.line(pts, color, false, run.name() + " (HL " + JournalFormat.p(e.hosmerLemeshow().p()) + ")");
                p.dots(pts, color);
            }
            i++;
        }
        return p.svg("calibration-" + part.name().toLowerCase(Locale.ROOT));
    }

    private static BinaryEvaluation evaluation(ComparisonResult result, Run run, SplitPart part) {
        ComparisonResult.PartData d = result.data().get(run.id()).get(part);
        return d == null ? null : d.evaluation();
    }

    /** One square plot: x in [0, 1], y in [yMin, yMax]; lines are clipped to the plot area. */
    private static final class Plot {
        private final String title;
        private final String xName;
        private final String yName;
        private final double yMin;
        private final double yMax;
        private final double yStep;
        private final StringBuilder body = new StringBuilder();
        private final List<String[]> legend = new ArrayList<>(); // name, colour, dashed

        Plot(String title, String xName, String yName, double yMin, double yMax, double yStep) {
            this.title = title;
            this.xName = xName;
            this.yName = yName;
            this.yMin = yMin;
            this.yMax = yMax;
            this.yStep = yStep;
        }

        double x(double v) {
            return LEFT + v * PLOT;
        }

        double y(double v) {
            return TOP + PLOT - (v - yMin) / (yMax - yMin) * PLOT;
        }

        void line(List<double[]> pts, String color, boolean dashed, String name) {
            body.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.6\"")
                    .append(dashed ? " stroke-dasharray=\"5,4\"" : "").append(" points=\"");
            for (double[] pt : pts) {
                body.append(f(x(pt[0]))).append(',').append(f(y(pt[1]))).append(' ');
            }
            body.append("\"/>");
            if (name != null) {
                legend.add(new String[] {name, color, Boolean.toString(dashed)});
            }
        }

        void dots(List<double[]> pts, String color) {
            for (double[] pt : pts) {
                body.append("<circle cx=\"").append(f(x(pt[0]))).append("\" cy=\"").append(f(y(pt[1])))
                        .append("\" r=\"2.5\" fill=\"").append(color).append("\"/>");
            }
        }

        String svg(String id) {
            int height = TOP + PLOT + 48 + LEGEND_LINE * legend.size();
            StringBuilder s = new StringBuilder();
            s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"static-figure\" id=\"").append(id)
                    .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                    .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                    .append("\" font-family=\"sans-serif\" font-size=\"11\">");
            s.append("<defs><clipPath id=\"").append(id).append("-clip\"><rect x=\"").append(LEFT).append("\" y=\"")
                    .append(TOP).append("\" width=\"").append(PLOT).append("\" height=\"").append(PLOT)
                    .append("\"/></clipPath></defs>");
            s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
            s.append(text(WIDTH / 2.0, 18, "middle", 13, title));
            // Grid and ticks.
            for (int k = 0; k <= 5; k++) {
                double v = k / 5.0;
                s.append(gridLine(x(v), TOP, x(v), TOP + PLOT));
                s.append(text(x(v), TOP + PLOT + 14, "middle", 10, JournalFormat.number(v).substring(0, 3)));
            }
            int steps = (int) Math.round((yMax - yMin) / yStep);
            for (int k = 0; k <= steps; k++) {
                double v = yMin + k * yStep;
                s.append(gridLine(LEFT, y(v), LEFT + PLOT, y(v)));
                s.append(text(LEFT - 5, y(v) + 3.5, "end", 10,
                        String.format(Locale.ROOT, yStep < 0.1 ? "%.2f" : "%.1f", v).replace('-', '\u2212')));
            }
            s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(PLOT)
                    .append("\" height=\"").append(PLOT).append("\" fill=\"none\" stroke=\"#333333\"/>");
            s.append(text(x(0.5), TOP + PLOT + 30, "middle", 11, xName));
            s.append("<text x=\"14\" y=\"").append(f(TOP + PLOT / 2.0)).append("\" text-anchor=\"middle\" ")
                    .append("transform=\"rotate(-90 14 ").append(f(TOP + PLOT / 2.0)).append(")\">")
                    .append(ReportRenderer.esc(yName)).append("</text>");
            s.append("<g clip-path=\"url(#").append(id).append("-clip)\">").append(body).append("</g>");
            double ly = TOP + PLOT + 46;
            for (String[] l : legend) {
                s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(ly - 4)).append("\" x2=\"")
                        .append(LEFT + 20).append("\" y2=\"").append(f(ly - 4)).append("\" stroke=\"").append(l[1])
                        .append("\" stroke-width=\"2\"").append(Boolean.parseBoolean(l[2])
                                ? " stroke-dasharray=\"5,4\"" : "").append("/>");
                s.append(text(LEFT + 26, ly, "start", 10, l[0]));
                ly += LEGEND_LINE;
            }
            return s.append("</svg>").toString();
        }

        private static String gridLine(double x1, double y1, double x2, double y2) {
            return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2)
                    + "\" stroke=\"#e4e4e4\"/>";
        }

        private static String text(double x, double y, String anchor, int size, String t) {
            return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                    + "\">" + ReportRenderer.esc(t) + "</text>";
        }

        private static String f(double v) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
    }
}
