package nodus.study;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import org.springframework.stereotype.Component;

/**
 * A rough wall-time estimate of a study on this machine, for the launcher: runs are executed one after the other
 * (one job worker by default), so the estimate is the sum over planned runs. Each run is estimated from this
 * installation's past finished runs of the same kind (fine-tuning: same backbone, scaled by epochs × input
 * pixels), or, without such history, from the benchmark figures in docs/benchmarks (measured on a loaded 2-core
 * machine, so they err on the long side). Runs a relaunch would reuse are still counted.
 */
@Component
class StudyEstimator {

    /** Seconds per training image per epoch at 128² px (docs/benchmarks/finetune.md, 2 loaded cores). */
    private static final Map<String, Double> SECONDS_PER_IMAGE_128 = Map.of("resnet50", 1.20, "resnet101", 4.06,
            "wide_resnet50_2", 2.22, "vgg19", 2.99, "inception_v3", 1.80);
    /** Radiomics extraction, original image, per case (docs/benchmarks/classical-runs.md: 124 s / 252 cases). */
    private static final double RADIOMICS_SECONDS_PER_CASE = 0.5;
    private static final double CLINICAL_SECONDS = 5;
    private static final double COMBINED_SECONDS = 63;

    private final ExperimentService experiments;
    private final RunService runs;

    StudyEstimator(ExperimentService experiments, RunService runs) {
        this.experiments = experiments;
        this.runs = runs;
    }

    private record Past(double seconds, double work) {
    }

    StudyEstimate estimate(List<PlannedRun> plan, Map<String, Integer> casesPerTask) {
        Map<String, List<Past>> history = history();
        double total = 0;
        int hist = 0;
        int bench = 0;
        for (PlannedRun p : plan) {
            int cases = casesPerTask.getOrDefault(p.task(), 300);
            String key = key(p.kind(), p.specJson());
            List<Past> past = history.getOrDefault(key, List.of());
            double work = work(p.kind(), p.specJson());
            if (!past.isEmpty()) {
                List<Double> perWork = new ArrayList<>();
                past.forEach(x -> perWork.add(x.seconds() / x.work()));
                perWork.sort(Double::compare);
                total += perWork.get(perWork.size() / 2) * work;
                hist++;
                continue;
            }
            bench++;
            total += switch (p.kind()) {
                case FINETUNE -> {
                    FineTuneSpec f = FineTuneSpec.parse(p.specJson());
                    double perImage = SECONDS_PER_IMAGE_128.getOrDefault(f.backbone(), 3.0)
                            * Math.pow(f.imageSize() / 128.0, 2);
                    // training on ~60 % of the cases per epoch, plus one inference pass over all cases (≈ ⅓ of
                    // a training step each) for validation and the final predictions
                    yield perImage * (0.6 * cases * f.epochs() + cases / 3.0 * (f.epochs() + 1));
                }
                case RADIOMICS -> RADIOMICS_SECONDS_PER_CASE * cases;
                case CLINICAL -> CLINICAL_SECONDS;
                case COMBINED -> COMBINED_SECONDS;
            };
        }
        return new StudyEstimate(Duration.ofSeconds(Math.round(total)), hist, bench);
    }

    private Map<String, List<Past>> history() {
        Map<String, List<Past>> out = new HashMap<>();
        for (Run r : experiments.allRuns()) {
            if (r.status() != RunStatus.FINISHED || r.startedAt() == null || r.finishedAt() == null) {
                continue;
            }
            String spec = runs.spec(r.id()).orElse(null);
            if (spec == null) {
                continue;
            }
            try {
                double seconds = Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0;
                out.computeIfAbsent(key(r.kind(), spec), k -> new ArrayList<>())
                        .add(new Past(Math.max(seconds, 0.1), work(r.kind(), spec)));
            } catch (RuntimeException e) {
                // a run whose spec this version no longer reads says nothing about this version's speed
            }
        }
        return out;
    }

    private static String key(RunKind kind, String specJson) {
        return kind == RunKind.FINETUNE ? kind + "|" + FineTuneSpec.parse(specJson).backbone() : kind.name();
    }

    /** Relative amount of work of a run: fine-tuning scales with epochs × input pixels; the rest count as 1. */
    private static double work(RunKind kind, String specJson) {
        if (kind != RunKind.FINETUNE) {
            return 1;
        }
        FineTuneSpec f = FineTuneSpec.parse(specJson);
        return f.epochs() * (double) f.imageSize() * f.imageSize();
    }
}
