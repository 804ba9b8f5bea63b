package nodus.cohort;

import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Table 1 for what a run records — its cohort reference ({@code "name vN"}, {@code "name@N"} or {@code "name"}),
 * task and split reference (name, content hash or id) — so a report can print the baseline characteristics of
 * exactly the cohort version and split its runs used. Read-only: unlike loading study data, it does not freeze
 * the split.
 */
@Service
public class Table1Lookup {

    private static final Pattern VERSIONED = Pattern.compile("^(.*?)(?:\\s+v|@)(\\d+)$");

    private final CohortService cohorts;
    private final SplitService splits;
    private final BaselineService baseline;

    Table1Lookup(CohortService cohorts, SplitService splits, BaselineService baseline) {
        this.cohorts = cohorts;
        this.splits = splits;
        this.baseline = baseline;
    }

    /**
     * Table 1 of a run's cohort version, task and split.
     *
     * @param cohortRef cohort name and version
     * @param splitName the split's name as the cohort shows it
     * @param splitHash the split's content hash (SHA-256 of the patient ids per part)
     * @param scheme how the split was made ("train/validation/test 6:2:2" …)
     */
    public record Found(String cohortRef, String task, String splitName, String splitHash, String scheme,
                        Table1 table) {
    }

    /** Empty, with the reason, when the cohort, task or split cannot be found (e.g. an imported run). */
    @PermitAll
    public Result find(String cohortRef, String task, String splitRef) {
        Optional<Cohort> cohort = cohort(cohortRef);
        if (cohort.isEmpty()) {
            return new Result(null, "no cohort '" + cohortRef + "' in this data home");
        }
        Cohort c = cohort.get();
        if (task == null || c.task(task).isEmpty()) {
            return new Result(null, "cohort " + c.ref() + " has no task '" + task + "'");
        }
        Optional<Split> split = splits.list(c.id()).stream().filter(s -> s.taskName().equals(task))
                .filter(s -> s.name().equals(splitRef) || s.contentHash().equals(splitRef)
                        || Long.toString(s.id()).equals(splitRef))
                .findFirst();
        if (split.isEmpty()) {
            return new Result(null, "cohort " + c.ref() + " has no split '" + splitRef + "' for task '" + task + "'");
        }
        Split s = split.get();
        return new Result(new Found(c.ref(), task, s.name(), s.contentHash(), s.scheme().label(),
                baseline.table1(c.id(), task, s.id())), null);
    }

    /** A found table or why there is none. */
    public record Result(Found found, String missing) {
        public Optional<Found> table() {
            return Optional.ofNullable(found);
        }
    }

    // The same reference syntax as the study data source (CohortStudyDataSource.resolveCohort), without throwing.
    private Optional<Cohort> cohort(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        String name = ref.strip();
        Integer version = null;
        Matcher m = VERSIONED.matcher(name);
        if (m.matches()) {
            name = m.group(1).strip();
            version = Integer.parseInt(m.group(2));
        }
        List<Cohort> versions = cohorts.versions(name);
        if (version == null) {
            return versions.stream().max(Comparator.comparingInt(Cohort::version));
        }
        int wanted = version;
        return versions.stream().filter(c -> c.version() == wanted).findFirst();
    }
}
