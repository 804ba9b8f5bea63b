package nodus.cohort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nodus.cohort.study.ClinicalVariable;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohort side of the {@link StudyDataSource} port: a cohort version, a task and a split become the labelled
 * cases a model run trains on. Loading freezes the split (it is now used) and returns its content hash.
 *
 * <p>Cohort references: {@code "name vN"} (as {@link Cohort#ref()} writes it), {@code "name@N"}, or {@code "name"}
 * for the latest version. Split references: the split's name, its content hash, or its id.
 */
@Component
class CohortStudyDataSource implements StudyDataSource {

    private final CohortService cohorts;
    private final SplitService splits;

    CohortStudyDataSource(CohortService cohorts, SplitService splits) {
        this.cohorts = cohorts;
        this.splits = splits;
    }

    @Override
    @Transactional
    public StudyData load(String cohortRef, String taskName, String splitRef) {
        Cohort cohort = resolveCohort(cohortRef);
        Task task = cohort.task(taskName).orElseThrow(() -> new IllegalArgumentException(
                "cohort " + cohort.ref() + " has no task '" + taskName + "' (it has: "
                        + cohort.tasks().stream().map(Task::name).toList() + ")"));
        Split split = resolveSplit(cohort, taskName, splitRef);
        String hash = splits.markUsed(split.id());
        Map<Long, Part> parts = splits.assignments(split.id());
        Map<Long, Integer> labels = cohorts.labels(cohort.id(), taskName);
        Dataset dataset = cohorts.dataset(cohort.datasetId());

        List<Variable> predictors = dataset.variables().stream().filter(v -> v.role() == VariableRole.PREDICTOR)
                .toList();
        List<ClinicalVariable> variables = predictors.stream().map(v -> new ClinicalVariable(v.name(),
                nodus.cohort.study.VariableKind.valueOf(v.kind().name()), v.categories())).toList();

        List<StudyCase> cases = new ArrayList<>();
        for (ClinicalCase c : cohorts.cases(cohort.id())) {
            Integer label = labels.get(c.id());
            Part part = parts.get(c.id());
            if (label == null || part == null || c.images().isEmpty()) {
                continue;
            }
            // The study's unit is the largest lesion cross-section: the image whose mask has the most pixels.
            CaseImage image = c.images().stream().max(Comparator.comparingInt(CaseImage::maskPixels)).orElseThrow();
            Map<String, Object> clinical = new HashMap<>();
            for (Variable v : predictors) {
                Object value = v.kind() == VariableKind.NUMERIC ? c.number(v.name()) : c.value(v.name());
                if (value != null) {
                    clinical.put(v.name(), value);
                }
            }
            cases.add(new StudyCase(c.caseKey(), c.patientKey(), StudyCase.Part.valueOf(part.name()), label,
                    cohorts.file(cohort.datasetId(), image.imagePath()),
                    image.maskPath() == null ? null : cohorts.file(cohort.datasetId(), image.maskPath()),
                    image.spacingX(), image.spacingY(), clinical));
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("split '" + split.name() + "' of cohort " + cohort.ref()
                    + " has no labelled cases with images for task '" + taskName + "'");
        }
        return new StudyData(cohort.ref(), taskName, task.classNames(), hash, variables, cases);
    }

    private Cohort resolveCohort(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("a cohort reference is required (e.g. \"Demo ALN cohort v1\")");
        }
        String name = ref.strip();
        Integer version = null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)(?:\\s+v|@)(\\d+)$").matcher(name);
        if (m.matches()) {
            name = m.group(1).strip();
            version = Integer.parseInt(m.group(2));
        }
        List<Cohort> versions = cohorts.versions(name);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no cohort named '" + name + "'");
        }
        if (version == null) {
            return versions.stream().max(Comparator.comparingInt(Cohort::version)).orElseThrow();
        }
        int wanted = version;
        return versions.stream().filter(c -> c.version() == wanted).findFirst().orElseThrow(
                () -> new IllegalArgumentException("cohort '" + ref + "' has no version " + wanted));
    }

    private Split resolveSplit(Cohort cohort, String taskName, String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("a split reference is required (name, content hash or id)");
        }
        List<Split> candidates = splits.list(cohort.id()).stream().filter(s -> s.taskName().equals(taskName))
                .toList();
        return candidates.stream()
                .filter(s -> s.name().equals(ref) || s.contentHash().equals(ref) || Long.toString(s.id()).equals(ref))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cohort " + cohort.ref() + " has no split '" + ref
                        + "' for task '" + taskName + "' (it has: " + candidates.stream().map(Split::name).toList()
                        + ")"));
    }
}
