package nodus.experiment.tracking;

import java.util.List;
import java.util.Locale;
import nodus.experiment.CasePrediction;

/** The per-case predictions as CSV (case_id, part, label, score[, p0, p1, …]); shared with the registry export. */
public final class PredictionsCsv {

    private PredictionsCsv() {
    }

    public static String header(List<CasePrediction> predictions) {
        int classes = predictions.stream().mapToInt(p -> p.probabilities() == null ? 0 : p.probabilities().length)
                .max().orElse(0);
        StringBuilder sb = new StringBuilder("case_id,part,label,score");
        for (int c = 0; c < classes; c++) {
            sb.append(",p").append(c);
        }
        return sb.append('\n').toString();
    }

    public static String row(CasePrediction p) {
        StringBuilder sb = new StringBuilder();
        sb.append(quote(p.caseId())).append(',').append(p.part().name()).append(',').append(p.label()).append(',')
                .append(number(p.score()));
        double[] probs = p.probabilities();
        if (probs != null) {
            for (double v : probs) {
                sb.append(',').append(number(v));
            }
        }
        return sb.append('\n').toString();
    }

    /** Shortest round-trip representation (Double.toString), so the CSV holds exactly the stored values. */
    private static String number(double v) {
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
