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
import nodus.cohort.Table1Lookup;
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
    private final Table1Lookup table1;

    ComparisonService(ExperimentService experiments, RunService runs, SavedComparisonRepository saved,
                      CurrentUser currentUser, Table1Lookup table1) {
        this.table1 = table1;
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
        SavedComparison c = require(comparisonId);
        ComparisonResult result = compute(c.spec());
        return ReportRenderer.render(c, result, inputs(result));
    }

    /**
     * The saved comparison as a PDF: the same tables, Table 1, methods and provenance as {@link #report}, with
     * static vector figures (ROC, decision and calibration curves per part) instead of the interactive ones.
     */
    @PermitAll
    public byte[] reportPdf(String comparisonId) {
        SavedComparison c = require(comparisonId);
        ComparisonResult result = compute(c.spec());
        return PdfReport.print(ReportRenderer.renderStatic(c, result, inputs(result)));
    }

    private SavedComparison require(String comparisonId) {
        return saved.find(comparisonId).orElseThrow(
                () -> new IllegalArgumentException("no saved comparison with id " + comparisonId));
    }

    private ReportRenderer.Inputs inputs(ComparisonResult result) {
        Map<Long, ReportRenderer.RunTexts> texts = new LinkedHashMap<>();
        // Runs on the same cohort version, task and split share one Table 1.
        Map<List<String>, List<Long>> byCohort = new LinkedHashMap<>();
        for (Run r : result.runs()) {
            texts.put(r.id(), new ReportRenderer.RunTexts(runs.spec(r.id()).orElse(null),
                    runs.provenance(r.id()).orElse(null)));
            if (r.cohortRef() != null) {
                byCohort.computeIfAbsent(java.util.Arrays.asList(r.cohortRef(), r.task(), r.splitHash()),
                        k -> new ArrayList<>()).add(r.id());
            }
        }
        List<ReportRenderer.CohortTable> cohorts = new ArrayList<>();
        byCohort.forEach((key, ids) -> {
            Table1Lookup.Result found = table1.find(key.get(0), key.get(1), key.get(2));
            cohorts.add(found.table().map(f -> new ReportRenderer.CohortTable(f.cohortRef(), f.task(),
                    f.splitHash(), f.splitName(), f.scheme(), f.table(), null, ids))
                    .orElseGet(() -> new ReportRenderer.CohortTable(key.get(0), key.get(1), key.get(2), null, null,
                            null, found.missing(), ids)));
        });
        return new ReportRenderer.Inputs(texts, cohorts);
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

    /**
     * The cases behind a decision-curve point: on {@code part}, those {@code run} treats at threshold probability
     * {@code pt} (probability ≥ pt, as dcurves and {@code DecisionCurve} count true and false positives).
     */
    public static List<CaseRow> casesTreatedAt(ComparisonResult result, SplitPart part, long runId, double pt) {
        return casesAtOrAbove(result, part, runId, pt);
    }

    /**
     * The cases of one point of a run's calibration curve: the {@code bin}-th non-empty quantile bin. Bins are
     * consecutive probability intervals and equal probabilities share a bin, so the k-th non-empty bin holds the
     * next {@code counts[k]} cases in probability order (scikit-learn's binning, see {@code CalibrationCurve}).
     */
    public static List<CaseRow> casesInCalibrationBin(ComparisonResult result, SplitPart part, long runId,
                                                      int bin) {
        ComparisonResult.PartData d = result.data().get(runId).get(part);
        if (d == null || d.evaluation() == null || d.evaluation().calibrationQuantile() == null) {
            return List.of();
        }
        int[] counts = d.evaluation().calibrationQuantile().counts();
        if (bin < 0 || bin >= counts.length) {
            throw new IllegalArgumentException("calibration bin " + bin + " out of range 0.." + (counts.length - 1));
        }
        Integer[] order = new Integer[d.scores().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> d.scores()[i]));
        int from = 0;
        for (int k = 0; k < bin; k++) {
            from += counts[k];
        }
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + counts[bin]; i++) {
            ids.add(d.caseIds().get(order[i]));
        }
        return rows(result, part, runId, ids);
    }

    /** The cases of one bar of the calibration panel's histogram (tenths of probability, as drawn). */
    public static List<CaseRow> casesInHistogramBin(ComparisonResult result, SplitPart part, long runId, int bin) {
        ComparisonResult.PartData d = result.data().get(runId).get(part);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < d.scores().length; i++) {
            if (ChartOptions.histogramBin(d.scores()[i]) == bin) {
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
