package nodus.experiment.figures;

import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.experiment.CasePrediction;
import nodus.experiment.RunService;
import nodus.experiment.SplitPart;
import org.springframework.stereotype.Service;

/**
 * A run's evaluation figures, rendered server-side in pure Java (no browser): per split part the ROC curve, the
 * decision curve and the calibration curve ({@link FigureCharts}), each as SVG (text, 6 × 4 in) and PNG (Java2D,
 * 1800 × 1200 px at 300 dpi).
 *
 * <p>Public API (also used for the PDF report): {@link #forRun(long)} for a stored run, or the static
 * {@link #render(List)} for any list of per-case predictions; both return file name → bytes, named
 * {@code <figure>_<part>.<ext>} with figure {@code roc | dca | calibration}, part {@code train | val | test}
 * ({@link SplitPart#metricPrefix()}) and ext {@code svg | png}, e.g. {@code roc_test.svg}. Single charts:
 * {@link FigureCharts} → {@link #svg(Chart)} / {@link #png(Chart)}.
 *
 * <p>Only binary runs get figures (labels 0/1); a part without both classes is left out (no ROC or calibration
 * can be drawn). The output is deterministic: the same predictions give the same bytes.
 */
@Service
public class RunFigures {

    private final RunService runs;

    RunFigures(RunService runs) {
        this.runs = runs;
    }

    /** The figures of a stored run (empty when it has no binary predictions). */
    @PermitAll
    public Map<String, byte[]> forRun(long runId) {
        return render(runs.predictions(runId));
    }

    /** The figures of these per-case predictions, in part order (train, val, test) and figure order. */
    public static Map<String, byte[]> render(List<CasePrediction> predictions) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (predictions.isEmpty() || predictions.stream().anyMatch(p -> p.label() > 1)) {
            return out;
        }
        Map<SplitPart, List<CasePrediction>> byPart = new EnumMap<>(SplitPart.class);
        for (SplitPart part : SplitPart.values()) {
            byPart.put(part, predictions.stream().filter(p -> p.part() == part).toList());
        }
        for (var e : byPart.entrySet()) {
            List<CasePrediction> ps = e.getValue();
            double[] y = ps.stream().mapToDouble(p -> p.label()).toArray();
            double[] s = ps.stream().mapToDouble(CasePrediction::score).toArray();
            long pos = java.util.Arrays.stream(y).filter(v -> v == 1).count();
            if (pos == 0 || pos == y.length) {
                continue;
            }
            String part = partName(e.getKey());
            String key = e.getKey().metricPrefix();
            put(out, "roc_" + key, FigureCharts.roc(part, y, s));
            put(out, "dca_" + key, FigureCharts.decisionCurve(part, y, s));
            put(out, "calibration_" + key, FigureCharts.calibration(part, y, s));
        }
        return out;
    }

    /** One chart as an SVG document (UTF-8). */
    public static byte[] svg(Chart chart) {
        return SvgChart.render(chart);
    }

    /** One chart as a 1800 × 1200 px PNG at 300 dpi. */
    public static byte[] png(Chart chart) {
        return PngChart.render(chart);
    }

    private static void put(Map<String, byte[]> out, String name, Chart chart) {
        out.put(name + ".svg", svg(chart));
        out.put(name + ".png", png(chart));
    }

    private static String partName(SplitPart part) {
        return switch (part) {
            case TRAIN -> "training part";
            case VALIDATION -> "validation part";
            case TEST -> "test part";
        };
    }
}
