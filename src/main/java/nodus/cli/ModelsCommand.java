package nodus.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nodus.base.security.Role;
import nodus.classical.run.ClassicalRunSpec;
import nodus.classical.run.ClassicalStudy;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nodus models --cohort demo@1 --task n0-vs-nplus --split main}: launches the radiomics, clinical and
 * combined runs of the reference study on one cohort, task and split (in the named experiment, created if
 * missing), executes them in this process, and prints each run's per-part AUC with its DeLong 95 % CI. Runs already
 * finished with the same spec are reused, not recomputed.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Run the radiomics, clinical and combined models on a cohort/task/split and print per-part AUCs.")
public final class ModelsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--cohort", required = true, description = "cohort and version, e.g. demo@1")
    String cohort;

    @Option(names = "--task", required = true, description = "task name, e.g. n0-vs-nplus")
    String task;

    @Option(names = "--split", required = true, description = "split name or content hash")
    String split;

    @Option(names = "--experiment", description = "experiment name (default: classical <cohort> <task>)")
    String experiment;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the CV folds and Platt folds (default 42)")
    long seed;

    @Option(names = "--spec", description = "a ClassicalRunSpec JSON file (its cohort/task/split are replaced by "
            + "the options)")
    Path specFile;

    @Option(names = "--data-home", description = "Nodus data home (default: NODUS_DATA_HOME or ./nodus-data)")
    Path dataHome;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ClassicalRunSpec runSpec = readSpec();
        List<String> props = new ArrayList<>(List.of("jobrunr.background-job-server.enabled=false"));
        if (dataHome != null) {
            props.add("nodus.data-home=" + dataHome.toAbsolutePath());
        }
        try (ConfigurableApplicationContext ctx = HeadlessSpring.start(props.toArray(String[]::new))) {
            HeadlessSpring.actAs("cli", Role.RESEARCHER_NAME);
            ExperimentService experiments = ctx.getBean(ExperimentService.class);
            RunService runs = ctx.getBean(RunService.class);
            ClassicalStudy study = ctx.getBean(ClassicalStudy.class);
            String name = experiment != null ? experiment : "classical " + cohort + " " + task;
            long exp = experiments.list().stream().filter(e -> e.name().equals(name)).map(Experiment::id)
                    .findFirst().orElseGet(() -> experiments.create(name, "radiomics, clinical and combined models "
                            + "(nodus models)").id());
            List<Run> launched = study.launchAll(exp, runSpec);
            out.printf("%-10s %-9s %-24s %-24s %-24s%n", "model", "status", "train AUC (95% CI)",
                    "val AUC (95% CI)", "test AUC (95% CI)");
            boolean allOk = true;
            for (Run r : launched) {
                Run done = r.status().isTerminal() ? r : study.executeNow(r.id());
                Map<String, Double> m = runs.metrics(r.id()).stream()
                        .collect(Collectors.toMap(MetricPoint::key, MetricPoint::value, (a, b) -> b));
                out.printf("%-10s %-9s %-24s %-24s %-24s%n", r.kind().name().toLowerCase(Locale.ROOT),
                        done.status(), auc(m, "train"), auc(m, "val"), auc(m, "test"));
                if (done.status() != RunStatus.FINISHED) {
                    allOk = false;
                    spec.commandLine().getErr().println("nodus models: run " + r.id() + " (" + r.kind() + ") "
                            + done.status() + ": " + done.statusMessage());
                }
            }
            out.println("experiment '" + name + "' (id " + exp + "), split hash " + launched.get(0).splitHash());
            return allOk ? 0 : 1;
        }
    }

    private ClassicalRunSpec readSpec() throws java.io.IOException {
        if (specFile == null) {
            return ClassicalRunSpec.defaults(cohort, task, split, seed);
        }
        if (!Files.isRegularFile(specFile)) {
            throw new IllegalArgumentException("spec file " + specFile + " not found");
        }
        ClassicalRunSpec s;
        try {
            s = ClassicalRunSpec.parse(Files.readString(specFile));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(specFile + ": " + e.getMessage(), e);
        }
        return new ClassicalRunSpec(cohort, task, split, s.seed(), s.radiomics(), s.lasso(), s.clinical(),
                s.combined());
    }

    private static String auc(Map<String, Double> m, String part) {
        Double a = m.get(part + "_auc");
        if (a == null) {
            return "-";
        }
        Double lo = m.get(part + "_auc_ci_low");
        Double hi = m.get(part + "_auc_ci_high");
        return lo == null || hi == null ? String.format(Locale.ROOT, "%.3f", a)
                : String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", a, lo, hi);
    }
}
