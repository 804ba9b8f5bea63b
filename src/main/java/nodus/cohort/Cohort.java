package nodus.cohort;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One version of a cohort: a dataset, the rules that select its cases, and its tasks. Cohorts are never edited in
 * place: a change makes version + 1 under the same name, so runs keep pointing at the version they used.
 */
public record Cohort(long id, String name, int version, long datasetId, String description, List<Rule> rules,
        List<Task> tasks, String createdBy, Instant createdAt) {

    public Cohort {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("cohort name must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("cohort version starts at 1");
        }
        rules = List.copyOf(rules);
        tasks = List.copyOf(tasks);
    }

    public boolean admits(ClinicalCase c) {
        return rules.stream().allMatch(r -> r.admits(c));
    }

    public Optional<Task> task(String taskName) {
        return tasks.stream().filter(t -> t.name().equals(taskName)).findFirst();
    }

    /** "name v3": what runs record as the cohort reference. */
    public String ref() {
        return name + " v" + version;
    }
}
