package nodus.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.CalibrationCurve;
import nodus.statistics.HosmerLemeshow;
import nodus.statistics.NetBenefit;
import nodus.statistics.Proportion;
import nodus.statistics.Reclassification;
import nodus.statistics.ThresholdMetrics;

/** The JSON shape (keys of issue 4); NaN and ±∞ become null because JSON has no such numbers. */
final class EvaluateJson {

    private EvaluateJson() {
    }

    static Map<String, Object> evaluation(String file, BinaryEvaluation e, boolean withRoc) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("file", file);
        j.put("n", e.n());
        j.put("positives", e.positives());
        j.put("auc", e.auc().auc());
        j.put("auc_se", num(e.auc().se()));
        j.put("auc_ci95", pair(e.auc().ciLow(), e.auc().ciHigh()));
        j.put("auc_ci_method", "delong");
        if (e.aucBootstrap() != null) {
            j.put("auc_bootstrap_ci95", pair(e.aucBootstrap().ciLow(), e.aucBootstrap().ciHigh()));
            j.put("bootstrap", Map.of("replicates", e.aucBootstrap().replicates(), "seed",
                    e.aucBootstrap().seed(), "stratified", true));
        }
        j.put("youden", metrics(e.youden()));
        Map<String, Object> at = metrics(e.atThreshold());
        if (e.f1Bootstrap() != null) {
            at.put("f1_bootstrap_ci95", pair(e.f1Bootstrap().ciLow(), e.f1Bootstrap().ciHigh()));
        }
        j.put("at_threshold", at);
        j.put("brier", e.brier());
        HosmerLemeshow.Result hl = e.hosmerLemeshow();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("statistic", num(hl.statistic()));
        h.put("df", hl.df());
        h.put("p", num(hl.p()));
        h.put("grouping", hl.grouping().label());
        h.put("groups", hl.groups().stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", g.n());
            m.put("observed", g.observedEvents());
            m.put("expected", g.expectedEvents());
            m.put("p_min", g.minP());
            m.put("p_max", g.maxP());
            return m;
        }).toList());
        j.put("hosmer_lemeshow", h);
        Map<String, Object> cal = new LinkedHashMap<>();
        cal.put("uniform", calibration(e.calibrationUniform()));
        cal.put("quantile", calibration(e.calibrationQuantile()));
        j.put("calibration", cal);
        List<Map<String, Object>> nb = new ArrayList<>();
        for (NetBenefit r : e.netBenefit()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("threshold", r.threshold());
            m.put("model", r.model());
            m.put("treat_all", r.treatAll());
            nb.add(m);
        }
        j.put("net_benefit", nb);
        if (withRoc) {
            List<Map<String, Object>> pts = new ArrayList<>();
            for (int i = 0; i < e.roc().size(); i++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("threshold", num(e.roc().thresholds()[i]));
                m.put("fpr", e.roc().fpr()[i]);
                m.put("tpr", e.roc().tpr()[i]);
                pts.add(m);
            }
            j.put("roc", pts);
        }
        return j;
    }

    static Map<String, Object> metrics(ThresholdMetrics m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("threshold", num(m.threshold()));
        j.put("source", m.source());
        j.put("sensitivity", num(m.sensitivity().estimate()));
        j.put("specificity", num(m.specificity().estimate()));
        j.put("accuracy", num(m.accuracy().estimate()));
        j.put("ppv", num(m.ppv().estimate()));
        j.put("npv", num(m.npv().estimate()));
        j.put("f1", num(m.f1()));
        j.put("youden_j", num(m.youdenJ()));
        j.put("tp", m.tp());
        j.put("fp", m.fp());
        j.put("tn", m.tn());
        j.put("fn", m.fn());
        Map<String, Object> ci = new LinkedHashMap<>();
        ci.put("sensitivity", wilson(m.sensitivity()));
        ci.put("specificity", wilson(m.specificity()));
        ci.put("accuracy", wilson(m.accuracy()));
        ci.put("ppv", wilson(m.ppv()));
        ci.put("npv", wilson(m.npv()));
        j.put("ci95_wilson", ci);
        return j;
    }

    static Map<String, Object> reclassification(Reclassification.Result r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("estimate", num(r.estimate()));
        j.put("events", num(r.events()));
        j.put("non_events", num(r.nonEvents()));
        j.put("se", num(r.se()));
        j.put("ci95", pair(r.ciLow(), r.ciHigh()));
        j.put("p", num(r.p()));
        j.put("direction", "A (--predictions) over B (--compare)");
        return j;
    }

    static List<Map<String, Object>> calibration(CalibrationCurve c) {
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int i = 0; i < c.counts().length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean_predicted", c.meanPredicted()[i]);
            m.put("fraction_of_positives", c.fractionOfPositives()[i]);
            m.put("n", c.counts()[i]);
            bins.add(m);
        }
        return bins;
    }

    static List<Double> wilson(Proportion p) {
        return pair(p.ciLow(), p.ciHigh());
    }

    static List<Double> pair(double a, double b) {
        List<Double> l = new ArrayList<>(2);
        l.add(num(a));
        l.add(num(b));
        return l;
    }

    static Double num(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
