package nodus.experiment.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import nodus.base.security.Role;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.SplitPart;

/**
 * Seeded, realistic predictions for comparison tests: a cohort of 300 training, 100 validation and 100 test
 * cases (about 40 % N+, as in the reference study), and models whose logits share a per-case latent "difficulty"
 * (so their AUCs are correlated, as real models on the same images are) plus their own noise. Everything is
 * created through the services as a researcher would: create, launch, markRunning, savePredictions, finish.
 */
public final class CompareFixture {

    public static final String SPLIT = "split-a-0123456789abcdef";
    public static final String OTHER_SPLIT = "split-b-fedcba9876543210";

    /** A model: name, kind, signal strength (logit shift for positives), own noise. */
    public record Model(String name, RunKind kind, double signal, double noise, String split, boolean history) {
    }

    public static final List<Model> PAPER_MODELS = List.of(
            new Model("Clinical", RunKind.CLINICAL, 1.2, 1.0, SPLIT, false),
            new Model("Radiomics signature", RunKind.RADIOMICS, 1.8, 0.8, SPLIT, false),
            new Model("Combined", RunKind.COMBINED, 2.4, 0.7, SPLIT, false),
            new Model("ResNet50 fine-tuned", RunKind.FINETUNE, 2.0, 0.9, SPLIT, true));

    private CompareFixture() {
    }

    /** As {@link nodus.support.AsUser#as}; kept because the compare tests call it through the fixture. */
    public static <T> T as(String user, Role role, Supplier<T> action) {
        return nodus.support.AsUser.as(user, role, action);
    }

    /** Creates the experiment and one finished run per model; returns the runs in model order. */
    public static List<Run> create(ExperimentService experiments, RunService runs, String experiment, long seed,
                                   List<Model> models) {
        return as("rita", Role.RESEARCHER, () -> {
            long exp = experiments.create(experiment, "comparison fixture").id();
            return createRuns(runs, exp, seed, models);
        });
    }

    public static List<Run> createRuns(RunService runs, long experimentId, long seed, List<Model> models) {
        return createRuns(runs, experimentId, seed, models, "demo@1", "n0-vs-nplus");
    }

    /** As {@link #createRuns(RunService, long, long, List)} on a given cohort reference and task. */
    public static List<Run> createRuns(RunService runs, long experimentId, long seed, List<Model> models,
                                       String cohortRef, String task) {
        return as("rita", Role.RESEARCHER, () -> {
            Cohort cohort = Cohort.of(seed);
            List<Run> out = new ArrayList<>();
            int i = 0;
            for (Model m : models) {
                String spec = "{\"model\":\"" + m.kind().name().toLowerCase() + "\",\"name\":\"" + m.name()
                        + "\",\"selection\":{\"lasso\":{\"cv\":10}},\"seed\":" + (seed + i) + "}";
                Run run = runs.launch(new NewRun(experimentId, m.name(), m.kind(), task, cohortRef, m.split(),
                        spec, seed + i));
                runs.markRunning(run.id());
                if (m.history()) {
                    for (int epoch = 1; epoch <= 10; epoch++) {
                        runs.logMetrics(run.id(), epoch, Map.of("train_loss", 0.7 * Math.exp(-epoch / 4.0) + 0.1,
                                "val_auc", 0.6 + 0.25 * (1 - Math.exp(-epoch / 3.0))));
                    }
                }
                runs.savePredictions(run.id(), cohort.predict(m, seed * 31 + i));
                runs.finish(run.id(), "{\"seed\":" + (seed + i) + ",\"git\":\"abc123\",\"host\":\"test\"}");
                out.add(runs.find(run.id()).orElseThrow());
                i++;
            }
            return out;
        });
    }

    /** Cases with a part, a label and a latent difficulty shared by all models. */
    record Cohort(List<String> ids, List<SplitPart> parts, int[] labels, double[] latent) {

        static Cohort of(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            List<String> ids = new ArrayList<>();
            List<SplitPart> parts = new ArrayList<>();
            int n = 500;
            int[] labels = new int[n];
            double[] latent = new double[n];
            for (int i = 0; i < n; i++) {
                ids.add(String.format("case-%04d", i));
                parts.add(i < 300 ? SplitPart.TRAIN : i < 400 ? SplitPart.VALIDATION : SplitPart.TEST);
                labels[i] = r.nextDouble() < 0.4 ? 1 : 0;
                latent[i] = gaussian(r);
            }
            return new Cohort(ids, parts, labels, latent);
        }

        List<CasePrediction> predict(Model m, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            List<CasePrediction> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                double logit = -0.9 + m.signal() * labels[i] + 0.8 * latent[i] + m.noise() * gaussian(r);
                double p = 1 / (1 + Math.exp(-logit));
                // Stored as a model would write them: probabilities rounded to 6 decimals.
                p = Math.round(p * 1e6) / 1e6;
                out.add(CasePrediction.binary(ids.get(i), parts.get(i), labels[i], p));
            }
            return out;
        }
    }

    static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Writes one part of a run's stored predictions as the `nodus evaluate` input CSV (id,label,score). */
    public static java.nio.file.Path exportPart(RunService runs, java.nio.file.Path dir, Run run,
                                                nodus.experiment.SplitPart part) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("run" + run.id() + "-" + part.name().toLowerCase() + ".csv");
        if (!java.nio.file.Files.exists(file)) {
            StringBuilder s = new StringBuilder("id,label,score\n");
            for (nodus.experiment.CasePrediction p : runs.predictions(run.id())) {
                if (p.part() == part) {
                    s.append(p.caseId()).append(',').append(p.label()).append(',').append(p.score()).append('\n');
                }
            }
            java.nio.file.Files.writeString(file, s);
        }
        return file;
    }

    /** Runs `nodus evaluate ARGS` in-process (the CLI's own code path) and returns its JSON output. */
    public static com.fasterxml.jackson.databind.JsonNode evaluateCli(String... args) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        String[] full = new String[args.length + 1];
        full[0] = "evaluate";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = nodus.cli.NodusCli.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), full);
        org.assertj.core.api.Assertions.assertThat(code).as(err.toString()).isZero();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    }
}
