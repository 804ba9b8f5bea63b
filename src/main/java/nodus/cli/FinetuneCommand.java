package nodus.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import nodus.deeplearning.run.FineTuneProgressBoard;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.ExperimentService;
import nodus.experiment.MetricPoint;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.jobs.ExecuteRun;
import nodus.experiment.jobs.ExecuteRunHandler;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nodus finetune --cohort demo@1 --task n0-vs-nplus --split main --backbone resnet50 [--weights f.pth]
 * [--epochs N] [--image-size S] [--batch-size B] [--lr X] [--seed S] [--data-home DIR]}: launches a fine-tuning run
 * in a (new) experiment and executes it in this process — the same executor as the web app's job engine — printing
 * the per-epoch metrics and the final state. Exit 0 finished, 1 failed or cancelled, 2 bad input.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tune a CNN backbone on a cohort's split, headless (same job as the web app's).")
public final class FinetuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cohort", required = true, description = "cohort and version, e.g. demo@1")
    String cohort;

    @Option(names = "--task", required = true, description = "the cohort's task, e.g. n0-vs-nplus")
    String task;

    @Option(names = "--split", required = true, description = "split name or content hash")
    String split;

    @Option(names = "--backbone", defaultValue = "resnet50",
            description = "resnet50, resnet101, wide_resnet50_2, vgg19 or inception_v3")
    String backbone;

    @Option(names = "--weights", description = "torchvision .pth or Nodus checkpoint .json (none: random init)")
    Path weights;

    @Option(names = "--epochs", description = "maximum epochs (default 30)")
    Integer epochs;

    @Option(names = "--image-size", description = "input side in px (default 224; 299 for inception_v3)")
    Integer imageSize;

    @Option(names = "--batch-size", description = "default 32")
    Integer batchSize;

    @Option(names = "--lr", description = "learning rate (default 0.001)")
    Double lr;

    @Option(names = "--seed", description = "default 42")
    Long seed;

    @Option(names = "--experiment", defaultValue = "finetune (command line)", description = "experiment name")
    String experiment;

    @Option(names = "--data-home", description = "Nodus data home (default: NODUS_DATA_HOME or ./nodus-data)")
    Path dataHome;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FineTuneSpec s;
        try {
            FineTuneSpec d = FineTuneSpec.defaults(cohort, task, split, backbone);
            s = d.withWeights(weights == null ? null : weights.toAbsolutePath().toString())
                    .withTraining(imageSize == null ? d.imageSize() : imageSize, epochs == null ? d.epochs() : epochs,
                            batchSize == null ? d.batchSize() : batchSize, lr == null ? d.lr() : lr)
                    .withSeed(seed == null ? d.seed() : seed);
        } catch (IllegalArgumentException e) {
            err.println("nodus finetune: " + e.getMessage());
            return 2;
        }
        String[] props = dataHome == null
                ? new String[] {"jobrunr.background-job-server.enabled=false"}
                : new String[] {"jobrunr.background-job-server.enabled=false",
                        "nodus.data-home=" + dataHome.toAbsolutePath()};
        try (ConfigurableApplicationContext ctx = HeadlessSpring.start(props)) {
            HeadlessSpring.actAs("cli", "RESEARCHER");
            ExperimentService experiments = ctx.getBean(ExperimentService.class);
            RunService runs = ctx.getBean(RunService.class);
            long exp = experiments.list().stream().filter(e -> e.name().equals(experiment)).findFirst()
                    .map(e -> e.id()).orElseGet(() -> experiments.create(experiment, "runs launched by nodus "
                            + "finetune").id());
            Run run;
            try {
                // The split hash is known once the study is read; the spec's split reference stands in for it.
                run = runs.launch(new NewRun(exp, s.backbone() + " fine-tuning", RunKind.FINETUNE, task, cohort,
                        split, s.toJson(), s.seed()));
            } catch (IllegalArgumentException e) {
                err.println("nodus finetune: " + e.getMessage());
                return 2;
            }
            out.printf(Locale.ROOT, "run %d: %s on %s / %s / %s, %d epochs at %d px%s%n", run.id(), s.backbone(),
                    cohort, task, split, s.epochs(), s.imageSize(),
                    s.pretrained() ? "" : " — WARNING: no pretrained weights (random initialisation)");
            out.flush();
            Runnable unsubscribe = ctx.getBean(FineTuneProgressBoard.class).subscribe((id, p) -> {
                if (id == run.id() && p.batch() == p.batches()) {
                    out.printf(Locale.ROOT, "epoch %d/%d trained (%.0f s elapsed, ETA %.0f s)%n", p.epoch(),
                            p.epochs(), p.elapsedSeconds(), p.etaSeconds());
                    out.flush();
                }
            });
            try {
                ctx.getBean(ExecuteRunHandler.class).run(new ExecuteRun(run.id()));
            } finally {
                unsubscribe.run();
            }
            Map<Integer, Map<String, Double>> byEpoch = new TreeMap<>();
            for (MetricPoint m : runs.metrics(run.id())) {
                byEpoch.computeIfAbsent(m.step(), k -> new TreeMap<>()).put(m.key(), m.value());
            }
            Map<String, Double> finalMetrics = byEpoch.remove(0);
            if (finalMetrics != null) {
                byEpoch.put(Integer.MAX_VALUE, finalMetrics);
            }
            byEpoch.forEach((epoch, values) -> {
                // Step 0 holds the final per-part metrics (statistics engine), printed last; steps ≥ 1 the epochs.
                StringBuilder line = new StringBuilder(epoch == Integer.MAX_VALUE ? "final:"
                        : "epoch " + epoch + ":");
                values.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
                out.println(line);
            });
            Run end = runs.find(run.id()).orElseThrow();
            out.println("run " + run.id() + " " + end.status()
                    + (end.statusMessage() == null ? "" : ": " + end.statusMessage()));
            runs.provenance(run.id()).ifPresent(p -> out.println("provenance: " + p));
            out.println("predictions: " + runs.predictions(run.id()).size() + " cases; deep features: "
                    + runs.caseFeatures(run.id()).size() + " cases");
            out.flush();
            return end.status() == RunStatus.FINISHED ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("nodus finetune: " + e.getMessage());
            return 1;
        }
    }
}
