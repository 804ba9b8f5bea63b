package nodus.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Human-readable rendering of the JSON map. */
final class EvaluateText {

    private EvaluateText() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> j) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: n = %d, events = %d%n", j.get("file"), j.get("n"),
                j.get("positives")));
        List<Double> ci = (List<Double>) j.get("auc_ci95");
        s.append(String.format(Locale.ROOT, "AUC %.4f (95%% CI %s, DeLong)%n", j.get("auc"), range(ci)));
        if (j.containsKey("auc_bootstrap_ci95")) {
            s.append(String.format(Locale.ROOT, "AUC bootstrap 95%% CI %s %s%n",
                    range((List<Double>) j.get("auc_bootstrap_ci95")), j.get("bootstrap")));
        }
        metrics(s, "Youden threshold (these data)", (Map<String, Object>) j.get("youden"));
        Map<String, Object> at = (Map<String, Object>) j.get("at_threshold");
        if (!"youden".equals(at.get("source"))) {
            metrics(s, "Threshold from " + at.get("source"), at);
        }
        s.append(String.format(Locale.ROOT, "Brier %.4f%n", j.get("brier")));
        Map<String, Object> hl = (Map<String, Object>) j.get("hosmer_lemeshow");
        s.append(String.format(Locale.ROOT, "Hosmer-Lemeshow H = %s, df = %s, p = %s (%s groups)%n",
                fmt(hl.get("statistic")), hl.get("df"), fmt(hl.get("p")), hl.get("grouping")));
        s.append("Net benefit (threshold: model / treat all)");
        for (Map<String, Object> r : (List<Map<String, Object>>) j.get("net_benefit")) {
            double t = (Double) r.get("threshold");
            if (Math.round(t * 100) % 10 == 0) {
                s.append(String.format(Locale.ROOT, "%n  %.2f: %.4f / %.4f", t, r.get("model"), r.get("treat_all")));
            }
        }
        s.append(String.format("%n"));
        if (j.containsKey("delong_test")) {
            Map<String, Object> c = (Map<String, Object>) j.get("compare");
            Map<String, Object> d = (Map<String, Object>) j.get("delong_test");
            s.append(String.format(Locale.ROOT, "Compare %s: AUC %.4f (95%% CI %s)%n", c.get("file"),
                    c.get("auc"), range((List<Double>) c.get("auc_ci95"))));
            s.append(String.format(Locale.ROOT, "DeLong test (%s) A - B = %.4f (95%% CI %s): z = %s, p = %s%n",
                    Boolean.TRUE.equals(d.get("paired")) ? "paired" : "unpaired", d.get("auc_diff"),
                    range((List<Double>) d.get("ci95")), fmt(d.get("z")), fmt(d.get("p"))));
            for (String k : new String[] {"nri_continuous", "idi"}) {
                if (j.containsKey(k)) {
                    Map<String, Object> r = (Map<String, Object>) j.get(k);
                    s.append(String.format(Locale.ROOT, "%s (A over B) %s (95%% CI %s), p = %s%n", k,
                            fmt(r.get("estimate")), range((List<Double>) r.get("ci95")), fmt(r.get("p"))));
                }
            }
        }
        return s.toString().stripTrailing();
    }

    @SuppressWarnings("unchecked")
    private static void metrics(StringBuilder s, String title, Map<String, Object> m) {
        Map<String, Object> ci = (Map<String, Object>) m.get("ci95_wilson");
        s.append(String.format(Locale.ROOT, "%s: %s (TP %s, FP %s, TN %s, FN %s)%n", title, fmt(m.get("threshold")),
                m.get("tp"), m.get("fp"), m.get("tn"), m.get("fn")));
        for (String k : new String[] {"sensitivity", "specificity", "accuracy", "ppv", "npv"}) {
            s.append(String.format(Locale.ROOT, "  %-11s %s (95%% CI %s, Wilson)%n", k, fmt(m.get(k)),
                    range((List<Double>) ci.get(k))));
        }
        s.append(String.format(Locale.ROOT, "  %-11s %s%n", "f1", fmt(m.get("f1"))));
    }

    private static String range(List<Double> ci) {
        return fmt(ci.get(0)) + " to " + fmt(ci.get(1));
    }

    private static String fmt(Object x) {
        if (x == null) {
            return "NA";
        }
        if (x instanceof Double d) {
            if (d == 0.0) {
                return "0"; // also a p-value below the smallest double (e.g. z > 38): shown as 0
            }
            return Math.abs(d) < 1e-4 && d != 0 ? String.format(Locale.ROOT, "%.3g", d)
                    : String.format(Locale.ROOT, "%.4f", d);
        }
        return x.toString();
    }
}
