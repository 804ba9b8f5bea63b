package nodus.experiment.figures;

import java.util.List;
import java.util.Locale;
import nodus.statistics.AucEstimate;
import nodus.statistics.CalibrationCurve;
import nodus.statistics.DeLong;
import nodus.statistics.DecisionCurve;
import nodus.statistics.HosmerLemeshow;
import nodus.statistics.NetBenefit;
import nodus.statistics.RocCurve;

/**
 * The three evaluation figures of the reference study as {@link Chart}s, every number from the statistics engine:
 * ROC curve ({@link RocCurve}, AUC with DeLong 95 % CI), decision curve ({@link DecisionCurve}: model, treat all,
 * treat none at pt = 0.01…0.99; Vickers &amp; Elkin 2006) and calibration curve ({@link CalibrationCurve}, 10
 * uniform bins as scikit-learn, with the Hosmer–Lemeshow test, 10 equal-size groups).
 */
public final class FigureCharts {

    static final String MODEL = "#1f77b4";
    static final String REFERENCE = "#7f7f7f";
    static final String TREAT_ALL = "#d62728";
    static final String TREAT_NONE = "#2ca02c";
    /** Calibration bins and Hosmer–Lemeshow groups (the statistics engine's defaults). */
    static final int BINS = 10;

    private FigureCharts() {
    }

    /** ROC curve of one part; {@code part} names it in the title (e.g. "test part"). */
    public static Chart roc(String part, double[] labels, double[] scores) {
        RocCurve roc = RocCurve.of(labels, scores);
        AucEstimate auc = DeLong.auc(labels, scores);
        String legend = auc.hasInterval()
                ? String.format(Locale.ROOT, "AUC %.3f (95%% CI %.3f–%.3f)", auc.auc(), auc.ciLow(), auc.ciHigh())
                : String.format(Locale.ROOT, "AUC %.3f", auc.auc());
        return new Chart("ROC curve — " + part + counts(labels), "1 − specificity (false-positive rate)",
                "Sensitivity (true-positive rate)", 0, 1, 0, 1,
                List.of(new Chart.Series("Chance (AUC 0.5)", new double[] {0, 1}, new double[] {0, 1}, REFERENCE,
                                true, true, false),
                        new Chart.Series(legend, roc.fpr(), roc.tpr(), MODEL, false, true, false)),
                Chart.LegendPosition.BOTTOM_RIGHT);
    }

    /** Decision curve of one part. */
    public static Chart decisionCurve(String part, double[] labels, double[] probabilities) {
        List<NetBenefit> nb = DecisionCurve.standard(labels, probabilities);
        double[] pt = nb.stream().mapToDouble(NetBenefit::threshold).toArray();
        double[] model = nb.stream().mapToDouble(NetBenefit::model).toArray();
        double[] all = nb.stream().mapToDouble(NetBenefit::treatAll).toArray();
        double[] none = nb.stream().mapToDouble(NetBenefit::treatNone).toArray();
        double prevalence = java.util.Arrays.stream(labels).sum() / labels.length;
        double top = Math.max(prevalence, java.util.Arrays.stream(model).max().orElse(0));
        // y from −0.05 (as dcurves' plot) to a little above the best net benefit; treat all is clipped below
        double yMax = top <= 0 ? 0.1 : Math.ceil(top * 1.15 * 20) / 20;
        return new Chart("Decision curve — " + part + counts(labels), "Threshold probability",
                "Net benefit", 0, 1, -0.05, yMax,
                List.of(new Chart.Series("Treat all", pt, all, TREAT_ALL, true, true, false),
                        new Chart.Series("Treat none", pt, none, TREAT_NONE, true, true, false),
                        new Chart.Series("Model", pt, model, MODEL, false, true, false)),
                Chart.LegendPosition.TOP_RIGHT);
    }

    /** Calibration curve of one part, with the Hosmer–Lemeshow p in the legend when it can be computed. */
    public static Chart calibration(String part, double[] labels, double[] probabilities) {
        CalibrationCurve c = CalibrationCurve.of(labels, probabilities, BINS, CalibrationCurve.Strategy.UNIFORM);
        String legend = "Model";
        try {
            HosmerLemeshow.Result hl = HosmerLemeshow.test(labels, probabilities, BINS,
                    HosmerLemeshow.Grouping.EQUAL_SIZE);
            legend = String.format(Locale.ROOT, "Model (Hosmer–Lemeshow p = %.3f)", hl.p());
        } catch (IllegalArgumentException e) {
            // too few cases for 10 groups: the curve alone
        }
        legend += String.format(Locale.ROOT, "; Brier %.3f", CalibrationCurve.brier(labels, probabilities));
        return new Chart("Calibration — " + part + counts(labels), "Mean predicted probability",
                "Observed fraction of positives", 0, 1, 0, 1,
                List.of(new Chart.Series("Perfect calibration", new double[] {0, 1}, new double[] {0, 1}, REFERENCE,
                                true, true, false),
                        new Chart.Series(legend, c.meanPredicted(), c.fractionOfPositives(), MODEL, false, true,
                                true)),
                Chart.LegendPosition.TOP_LEFT);
    }

    private static String counts(double[] labels) {
        long pos = java.util.Arrays.stream(labels).filter(v -> v == 1).count();
        return " (n = " + labels.length + ", " + pos + " positive)";
    }
}
