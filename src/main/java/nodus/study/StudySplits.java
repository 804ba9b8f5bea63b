package nodus.study;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Split;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import nodus.cohort.Task;
import nodus.cohort.TaskKind;
import org.springframework.stereotype.Component;

/**
 * The database side of checking a study spec: the cohort version and its tasks exist, the variants suit each task
 * (the classical models need a binary task), and every task has its split — an existing one by name or hash, or
 * the split made by the rule + seed (+ balance), found if it was made before (same scheme, seed, balance → the
 * same split and hash, so a study run twice reads the same cases) and created otherwise. Errors name the spec's
 * line and field.
 */
@Component
class StudySplits {

    private final CohortService cohorts;
    private final SplitService splits;

    StudySplits(CohortService cohorts, SplitService splits) {
        this.cohorts = cohorts;
        this.splits = splits;
    }

    record Resolved(Cohort cohort, Map<String, String> splitHashes) {
    }

    Cohort cohort(StudySpec spec, String source) {
        StudySpec.CohortRef ref = spec.cohort();
        List<Cohort> versions = cohorts.versions(ref.name());
        if (versions.isEmpty()) {
            throw new StudySpecException(source, spec.line("cohort.name"), "cohort.name", "no cohort named '"
                    + ref.name() + "' (there are: " + cohorts.list().stream().map(Cohort::name).distinct().toList()
                    + ")");
        }
        if (ref.version() == null) {
            return versions.stream().max(Comparator.comparingInt(Cohort::version)).orElseThrow();
        }
        return versions.stream().filter(c -> c.version() == ref.version()).findFirst().orElseThrow(
                () -> new StudySpecException(source, spec.line("cohort.version"), "cohort.version", "cohort '"
                        + ref.name() + "' has no version " + ref.version() + " (it has "
                        + versions.stream().map(Cohort::version).toList() + ")"));
    }

    /** Checks the tasks against the cohort; creates missing rule-based splits only when {@code create}. */
    Resolved resolve(StudySpec spec, String source, boolean create) {
        Cohort cohort = cohort(spec, source);
        Map<String, String> hashes = new LinkedHashMap<>();
        for (int i = 0; i < spec.tasks().size(); i++) {
            StudySpec.TaskSpec t = spec.tasks().get(i);
            String field = "tasks[" + i + "]";
            Task task = cohort.task(t.name()).orElseThrow(() -> new StudySpecException(source, spec.line(field),
                    field, "cohort " + cohort.ref() + " has no task '" + t.name() + "' (it has: "
                    + cohort.tasks().stream().map(Task::name).toList() + ")"));
            boolean classical = t.variants().stream().anyMatch(v -> v != StudySpec.Variant.FINETUNE);
            if (classical && task.kind() == TaskKind.MULTICLASS) {
                throw new StudySpecException(source, spec.line(field), field, "task '" + t.name() + "' has "
                        + task.classes().size() + " classes; the radiomics, clinical and combined models need a "
                        + "binary task — give it {name: …, variants: [finetune]}");
            }
            hashes.put(t.name(), split(spec, source, cohort, t.name(), create));
        }
        return new Resolved(cohort, hashes);
    }

    private String split(StudySpec spec, String source, Cohort cohort, String task, boolean create) {
        StudySpec.SplitRule rule = spec.split();
        List<Split> existing = splits.list(cohort.id()).stream().filter(s -> s.taskName().equals(task)).toList();
        if (rule.existing() != null) {
            return existing.stream().filter(s -> s.name().equals(rule.existing())
                            || s.contentHash().equals(rule.existing()) || Long.toString(s.id()).equals(rule.existing()))
                    .findFirst().map(Split::contentHash)
                    .orElseThrow(() -> new StudySpecException(source, spec.line("split.existing"), "split.existing",
                            "cohort " + cohort.ref() + " has no split '" + rule.existing() + "' for task '" + task
                                    + "' (it has: " + existing.stream().map(Split::name).toList() + ")"));
        }
        SplitScheme scheme = rule.rule().equals("4:1") ? SplitScheme.TRAIN_TEST_4_1
                : SplitScheme.TRAIN_VALIDATION_TEST_6_2_2;
        var match = existing.stream().filter(s -> s.scheme() == scheme && rule.seed().equals(s.seed())
                && s.balanceVariables().equals(rule.balance())).min(Comparator.comparingLong(Split::id));
        if (match.isPresent()) {
            return match.get().contentHash();
        }
        var dataset = cohorts.dataset(cohort.datasetId());
        for (String b : rule.balance()) {
            if (dataset.variable(b).isEmpty()) {
                throw new StudySpecException(source, spec.line("split.balance"), "split.balance", "the cohort's "
                        + "data set has no variable '" + b + "'");
            }
        }
        if (!create) {
            return null;
        }
        return splits.create(cohort.id(), task, scheme, rule.seed(), rule.balance(), null).contentHash();
    }
}
