package nodus.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nodus.statistics.AucEstimate;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.CalibrationCurve;
import nodus.statistics.DeLong;
import nodus.statistics.DeLongTest;
import nodus.statistics.EvaluationOptions;
import nodus.statistics.HosmerLemeshow;
import nodus.statistics.NetBenefit;
import nodus.statistics.Proportion;
import nodus.statistics.Reclassification;
import nodus.statistics.ThresholdMetrics;
import nodus.statistics.ThresholdRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nodus evaluate}: the paper's evaluation of one model's per-case predictions (and, with {@code --compare},
 * the paired DeLong test A − B, NRI and IDI). Exit codes: 0 ok, 1 computation failure, 2 bad input (one line on
 * standard error naming the file, line and problem).
 */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Evaluate per-case predictions (CSV header id,label,score): AUC with DeLong 95% CI, Youden "
                + "threshold and metrics (Wilson CIs), Brier, Hosmer-Lemeshow, calibration, decision curve; with "
                + "--compare the paired DeLong test (A - B), NRI and IDI.")
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--predictions", required = true, paramLabel = "A.csv", description = "Predictions to evaluate.")
    Path predictions;

    @Option(names = "--compare", paramLabel = "B.csv",
            description = "Second model's predictions on the same cases: paired DeLong test A - B, NRI, IDI.")
    Path compare;

    @Option(names = "--unpaired", description = "With --compare: cases differ (e.g. two cohorts); use the unpaired "
            + "DeLong test.")
    boolean unpaired;

    @CommandLine.ArgGroup(exclusive = true)
    ThresholdChoice threshold;

    static final class ThresholdChoice {
        @Option(names = "--threshold", paramLabel = "T", description = "Report metrics at this fixed threshold.")
        Double fixed;

        @Option(names = "--threshold-from", paramLabel = "TRAIN.csv",
                description = "Report metrics at the Youden threshold of these training predictions, applied "
                        + "unchanged.")
        Path training;
    }

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|text",
            description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--hl-grouping", defaultValue = "equal_size", paramLabel = "equal_size|quantile_cut",
            description = "Hosmer-Lemeshow grouping rule (default ${DEFAULT-VALUE}).")
    String hlGrouping;

    @Option(names = "--hl-groups", defaultValue = "10", description = "Hosmer-Lemeshow groups (df = groups - 2).")
    int hlGroups;

    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
            description = "Stratified bootstrap replicates for AUC and F1 CIs (0 = off).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--roc", description = "Include every ROC point in the JSON output.")
    boolean roc;

    @Option(names = "--timing", description = "Print elapsed times (command, since JVM start) to standard error.")
    boolean timing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> json;
        long start = System.nanoTime();
        long startCpu = timing ? threadCpu() : 0;
        try {
            json = evaluate();
        } catch (IllegalArgumentException e) {
            err.println("nodus evaluate: " + e.getMessage());
            err.flush();
            return 2;
        } catch (RuntimeException e) {
            err.println("nodus evaluate: computation failed: " + e);
            err.flush();
            return 1;
        }
        out.println(format.equals("json") ? JsonWriter.write(json) : TextReport.render(json));
        out.flush();
        if (timing) {
            // Wall time since the JVM started (launcher, class loading, reading, statistics, output).
            // Main-thread CPU time is shown too: on a loaded machine wall time measures the other processes.
            err.printf(Locale.ROOT, "nodus evaluate: %d cases, %d ms in command, %d ms since JVM start "
                            + "(main thread CPU %d ms in command, %d ms since JVM start)%n",
                    json.get("n"), (System.nanoTime() - start) / 1_000_000,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(),
                    (threadCpu() - startCpu) / 1_000_000, threadCpu() / 1_000_000);
            err.flush();
        }
        return 0;
    }

    private static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    Map<String, Object> evaluate() {
        if (!format.equals("json") && !format.equals("text")) {
            throw new IllegalArgumentException("--format must be json or text, got '" + format + "'");
        }
        HosmerLemeshow.Grouping grouping = switch (hlGrouping) {
            case "equal_size" -> HosmerLemeshow.Grouping.EQUAL_SIZE;
            case "quantile_cut" -> HosmerLemeshow.Grouping.QUANTILE_CUT;
            default -> throw new IllegalArgumentException("--hl-grouping must be equal_size or quantile_cut, got '"
                    + hlGrouping + "'");
        };
        if (unpaired && compare == null) {
            throw new IllegalArgumentException("--unpaired needs --compare");
        }
        PredictionsCsv a = PredictionsCsv.read(predictions);
        ThresholdRule rule = ThresholdRule.youden();
        if (threshold != null && threshold.fixed != null) {
            if (!(threshold.fixed >= 0 && threshold.fixed <= 1)) {
                throw new IllegalArgumentException("--threshold must be a probability in [0, 1], got "
                        + threshold.fixed);
            }
            rule = ThresholdRule.fixed(threshold.fixed);
        } else if (threshold != null && threshold.training != null) {
            PredictionsCsv train = PredictionsCsv.read(threshold.training);
            rule = ThresholdRule.fromTraining(train.labels(), train.scores(), train.name());
        }
        EvaluationOptions options = EvaluationOptions.builder()
                .optHosmerLemeshow(hlGroups, grouping)
                .optThreshold(rule)
                .optBootstrap(bootstrap, seed)
                .build();
        BinaryEvaluation e = BinaryEvaluation.evaluate(a.labels(), a.scores(), options);
        Map<String, Object> j = Json.evaluation(a.name(), e, roc);
        if (compare != null) {
            PredictionsCsv b = PredictionsCsv.read(compare);
            comparison(j, a, b);
        }
        return j;
    }

    private void comparison(Map<String, Object> j, PredictionsCsv a, PredictionsCsv b) {
        AucEstimate aucB = DeLong.auc(b.labels(), b.scores());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("file", b.name());
        c.put("n", b.size());
        c.put("positives", aucB.positives());
        c.put("auc", aucB.auc());
        c.put("auc_ci95", Json.pair(aucB.ciLow(), aucB.ciHigh()));
        j.put("compare", c);
        DeLongTest t;
        if (unpaired) {
            t = DeLong.unpairedTest(DeLong.auc(a.labels(), a.scores()), aucB);
        } else {
            try {
                t = DeLong.pairedTest(a.ids(), a.labels(), a.scores(), b.ids(), b.labels(), b.scores());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(ex.getMessage() + " (rerun with --unpaired)");
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("z", Json.num(t.z()));
        d.put("p", Json.num(t.p()));
        d.put("paired", t.paired());
        d.put("auc_diff", t.difference());
        d.put("ci95", Json.pair(t.ciLow(), t.ciHigh()));
        j.put("delong_test", d);
        if (!unpaired) {
            double[] alignedB = align(a, b);
            j.put("nri_continuous", Json.reclassification(
                    Reclassification.nriContinuous(a.labels(), alignedB, a.scores())));
            j.put("idi", Json.reclassification(Reclassification.idi(a.labels(), alignedB, a.scores())));
        }
    }

    /** B's scores in A's case order (the paired test has already checked that the case sets agree). */
    private static double[] align(PredictionsCsv a, PredictionsCsv b) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < b.ids().size(); i++) {
            index.put(b.ids().get(i), i);
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.scores()[index.get(a.ids().get(i))];
        }
        return out;
    }

    /** The JSON shape (keys of issue 4); NaN and ±∞ become null because JSON has no such numbers. */
    static final class Json {

        private Json() {
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

    /** Human-readable rendering of the JSON map. */
    static final class TextReport {

        private TextReport() {
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
}
