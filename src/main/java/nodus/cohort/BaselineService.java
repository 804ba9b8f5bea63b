package nodus.cohort;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Table 1 and the correlation heat map of a cohort task, overall or per part of a split. */
@Service
public class BaselineService {

    private final CohortService cohorts;
    private final SplitService splits;

    BaselineService(CohortService cohorts, SplitService splits) {
        this.cohorts = cohorts;
        this.splits = splits;
    }

    /** Table 1 of the cohort's predictors by the task's classes; per part when {@code splitId} is given. */
    @PermitAll
    public Table1 table1(long cohortId, String taskName, Long splitId) {
        Cohort cohort = cohorts.require(cohortId);
        Task task = cohort.task(taskName).orElseThrow(() -> new IllegalArgumentException("no task " + taskName));
        Dataset dataset = cohorts.dataset(cohort.datasetId());
        Map<Long, Integer> labels = cohorts.labels(cohortId, taskName);
        List<ClinicalCase> cases = cohorts.cases(cohortId).stream().filter(c -> labels.containsKey(c.id())).toList();
        int[] y = cases.stream().mapToInt(c -> labels.get(c.id())).toArray();
        int[] parts = null;
        List<String> partNames = List.of();
        if (splitId != null) {
            Split split = splits.find(splitId);
            if (split.cohortId() != cohortId || !split.taskName().equals(taskName)) {
                throw new IllegalArgumentException("split " + split.name() + " belongs to another cohort or task");
            }
            Map<Long, Part> assignment = splits.assignments(splitId);
            List<Part> present = new ArrayList<>();
            for (Part p : Part.values()) {
                if (assignment.containsValue(p)) {
                    present.add(p);
                }
            }
            parts = cases.stream().mapToInt(c -> present.indexOf(assignment.get(c.id()))).toArray();
            partNames = present.stream().map(Part::label).toList();
        }
        return Table1Builder.build(dataset.predictors(), cases, y, task.classNames(), parts, partNames);
    }

    @PermitAll
    public Correlation.Matrix correlation(long cohortId) {
        Cohort cohort = cohorts.require(cohortId);
        return Correlation.pearson(cohorts.dataset(cohort.datasetId()).predictors(), cohorts.cases(cohortId));
    }
}
