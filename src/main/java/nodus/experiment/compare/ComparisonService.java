package nodus.experiment.compare;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nodus.base.security.CurrentUser;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.SplitPart;
import nodus.statistics.AucEstimate;
import nodus.statistics.DeLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares runs of an experiment from their stored predictions (tables, DeLong matrix, NRI/IDI, figure data), and
 * stores comparisons under stable ids. Reading is open to every logged-in user; saving too (a comparison changes
 * no run).
 */
@Service
public class ComparisonService {

    private final ExperimentService experiments;
    private final RunService runs;
    private final SavedComparisonRepository saved;
    private final CurrentUser currentUser;

    ComparisonService(ExperimentService experiments, RunService runs, SavedComparisonRepository saved,
                      CurrentUser currentUser) {
        this.experiments = experiments;
        this.runs = runs;
        this.saved = saved;
        this.currentUser = currentUser;
    }

    /** Finished runs of an experiment matching the filters (null/blank = any); tag matches name or spec text. */
    @PermitAll
    public List<Run> candidates(long experimentId, String task, RunKind kind, String tag) {
        String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
        return experiments.runs(experimentId).stream()
                .filter(r -> r.status() == RunStatus.FINISHED)
                .filter(r -> task == null || task.isBlank() || task.equals(r.task()))
                .filter(r -> kind == null || kind == r.kind())
                .filter(r -> t.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(t)
                        || runs.spec(r.id()).orElse("").toLowerCase(Locale.ROOT).contains(t))
                .toList();
    }

    @PermitAll
    public ComparisonResult compute(ComparisonSpec spec) {
        List<Run> chosen = new ArrayList<>();
        Map<Long, List<CasePrediction>> predictions = new LinkedHashMap<>();
        Map<Long, List<MetricPoint>> history = new LinkedHashMap<>();
        for (long id : spec.runIds()) {
            Run run = runs.find(id).orElseThrow(() -> new IllegalArgumentException("no run with id " + id));
            if (run.experimentId() != spec.experimentId()) {
                throw new IllegalArgumentException("run " + id + " belongs to another experiment");
            }
            chosen.add(run);
            predictions.put(id, runs.predictions(id));
            history.put(id, runs.metrics(id).stream().filter(m -> m.step() > 0).toList());
        }
        return ComparisonCalculator.compute(spec, chosen, predictions, history);
    }

    /** AUC with DeLong 95% CI of a run on its TEST part (labels ≥ 1 positive), if it has both classes there. */
    @PermitAll
    public Optional<AucEstimate> testAuc(long runId) {
        List<CasePrediction> test = runs.predictions(runId).stream().filter(p -> p.part() == SplitPart.TEST).toList();
        double[] labels = test.stream().mapToDouble(p -> p.label() >= 1 ? 1 : 0).toArray();
        double[] scores = test.stream().mapToDouble(CasePrediction::score).toArray();
        boolean both = java.util.Arrays.stream(labels).anyMatch(v -> v == 1)
                && java.util.Arrays.stream(labels).anyMatch(v -> v == 0);
        return both ? Optional.of(DeLong.auc(labels, scores)) : Optional.empty();
    }

    @PermitAll
    @Transactional
    public SavedComparison save(String name, ComparisonSpec spec) {
        String n = name == null || name.isBlank() ? "Comparison of " + spec.runIds().size() + " runs" : name.trim();
        experiments.find(spec.experimentId()).orElseThrow(
                () -> new IllegalArgumentException("no experiment with id " + spec.experimentId()));
        SavedComparison c = new SavedComparison(UUID.randomUUID().toString(), n, spec, currentUser.name(),
                SavedComparisonRepository.now());
        saved.insert(c);
        return saved.find(c.id()).orElseThrow();
    }

    @PermitAll
    public Optional<SavedComparison> find(String id) {
        return saved.find(id);
    }

    @PermitAll
    public List<SavedComparison> saved(long experimentId) {
        return saved.byExperiment(experimentId);
    }

    /** The saved comparison as a self-contained HTML report (see {@link ReportRenderer}). */
    @PermitAll
    public String report(String comparisonId) {
        SavedComparison c = saved.find(comparisonId).orElseThrow(
                () -> new IllegalArgumentException("no saved comparison with id " + comparisonId));
        ComparisonResult result = compute(c.spec());
        Map<Long, ReportRenderer.RunTexts> texts = new LinkedHashMap<>();
        for (Run r : result.runs()) {
            texts.put(r.id(), new ReportRenderer.RunTexts(runs.spec(r.id()).orElse(null),
                    runs.provenance(r.id()).orElse(null)));
        }
        return ReportRenderer.render(c, result, texts);
    }

    @PermitAll
    public Optional<String> spec(long runId) {
        return runs.spec(runId);
    }

    @PermitAll
    public Optional<String> provenance(long runId) {
        return runs.provenance(runId);
    }

    /**
     * The cases behind a ROC point: on {@code part}, those {@code run} calls positive at {@code threshold}
     * (score ≥ threshold), with every run's probability for each case.
     */
    public static List<CaseRow> casesAtOrAbove(ComparisonResult result, SplitPart part, long runId,
                                               double threshold) {
        ComparisonResult.PartData d = result.data().get(runId).get(part);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < d.scores().length; i++) {
            if (d.scores()[i] >= threshold) {
                ids.add(d.caseIds().get(i));
            }
        }
        return rows(result, part, runId, ids);
    }

    /** The cases of a confusion-matrix cell (true class, predicted class = arg-max) of one run on one part. */
    public static List<CaseRow> casesInCell(ComparisonResult result, SplitPart part, long runId, int trueClass,
                                            int predictedClass) {
        ComparisonResult.PartData d = result.data().get(runId).get(part);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < d.classLabels().length; i++) {
            int predicted = d.probabilities() != null ? argMax(d.probabilities()[i])
                    : d.scores()[i] >= d.evaluation().atThreshold().threshold() ? 1 : 0;
            if (d.classLabels()[i] == trueClass && predicted == predictedClass) {
                ids.add(d.caseIds().get(i));
            }
        }
        return rows(result, part, runId, ids);
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * A case in a drill-down: true label and each run's probability (NaN where a run did not predict it).
     * {@code cohortRef} lets a thumbnail provider (cohort images with mask outline, Grad-CAM) find the image.
     */
    public record CaseRow(String caseId, String cohortRef, int label, Map<Long, Double> probabilities) {
    }

    private static List<CaseRow> rows(ComparisonResult result, SplitPart part, long runId, List<String> ids) {
        Map<Long, Map<String, Double>> byRun = new LinkedHashMap<>();
        for (Run r : result.runs()) {
            ComparisonResult.PartData d = result.data().get(r.id()).get(part);
            Map<String, Double> m = new java.util.HashMap<>();
            if (d != null) {
                for (int i = 0; i < d.scores().length; i++) {
                    m.put(d.caseIds().get(i), d.scores()[i]);
                }
            }
            byRun.put(r.id(), m);
        }
        ComparisonResult.PartData d = result.data().get(runId).get(part);
        Map<String, Integer> label = new java.util.HashMap<>();
        for (int i = 0; i < d.caseIds().size(); i++) {
            label.put(d.caseIds().get(i), d.classLabels()[i]);
        }
        String cohort = result.run(runId).cohortRef();
        List<CaseRow> out = new ArrayList<>();
        for (String id : ids) {
            Map<Long, Double> p = new LinkedHashMap<>();
            byRun.forEach((run, m) -> p.put(run, m.getOrDefault(id, Double.NaN)));
            out.add(new CaseRow(id, cohort, label.get(id), p));
        }
        return out;
    }
}
