package nodus.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nodus.statistics.AucEstimate;
import nodus.statistics.BinaryEvaluation;
import nodus.statistics.DeLong;
import nodus.statistics.DeLongTest;
import nodus.statistics.EvaluationOptions;
import nodus.statistics.HosmerLemeshow;
import nodus.statistics.Reclassification;
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
        description = "Evaluate per-case predictions (CSV header id,label,score): AUC with DeLong 95%% CI, Youden "
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

    private long readNanos;
    private long statisticsNanos;

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
        out.println(format.equals("json") ? JsonWriter.write(json) : EvaluateText.render(json));
        out.flush();
        if (timing) {
            // Wall time since the JVM started (launcher, class loading, reading, statistics, output).
            // Main-thread CPU time is shown too: on a loaded machine wall time measures the other processes.
            err.printf(Locale.ROOT, "nodus evaluate: %d cases, %d ms in command (reading %s %d ms, "
                            + "statistics of A %d ms), %d ms since JVM start "
                            + "(main thread CPU %d ms in command, %d ms since JVM start)%n",
                    json.get("n"), (System.nanoTime() - start) / 1_000_000, predictions.getFileName(),
                    (readNanos - start) / 1_000_000, statisticsNanos / 1_000_000,
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
        readNanos = System.nanoTime();
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
        long t = System.nanoTime();
        BinaryEvaluation e = BinaryEvaluation.evaluate(a.labels(), a.scores(), options);
        statisticsNanos = System.nanoTime() - t;
        Map<String, Object> j = EvaluateJson.evaluation(a.name(), e, roc);
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
        c.put("auc_ci95", EvaluateJson.pair(aucB.ciLow(), aucB.ciHigh()));
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
        d.put("z", EvaluateJson.num(t.z()));
        d.put("p", EvaluateJson.num(t.p()));
        d.put("paired", t.paired());
        d.put("distribution", t.paired() ? "normal" : "t");
        if (!t.paired()) {
            d.put("df", EvaluateJson.num(t.df()));
        }
        d.put("auc_diff", t.difference());
        d.put("ci95", EvaluateJson.pair(t.ciLow(), t.ciHigh()));
        j.put("delong_test", d);
        if (!unpaired) {
            double[] alignedB = align(a, b);
            j.put("nri_continuous", EvaluateJson.reclassification(
                    Reclassification.nriContinuous(a.labels(), alignedB, a.scores())));
            j.put("idi", EvaluateJson.reclassification(Reclassification.idi(a.labels(), alignedB, a.scores())));
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
}
