package nodus.cohort.study;

import java.util.List;

/**
 * Everything a model run needs from a cohort: which cohort version and task, the class names (index = label),
 * the frozen split's content hash, the clinical predictors (leaking columns already excluded) and the cases with
 * their split parts.
 */
public record StudyData(String cohortRef, String task, List<String> classNames, String splitHash,
                        List<ClinicalVariable> variables, List<StudyCase> cases) {
    public StudyData {
        if (classNames == null || classNames.size() < 2) {
            throw new IllegalArgumentException("a task needs at least two classes");
        }
        if (splitHash == null || splitHash.isBlank()) {
            throw new IllegalArgumentException("study data must name its split's content hash");
        }
        classNames = List.copyOf(classNames);
        variables = List.copyOf(variables);
        cases = List.copyOf(cases);
    }

    public List<StudyCase> part(StudyCase.Part part) {
        return cases.stream().filter(c -> c.part() == part).toList();
    }

    public boolean binary() {
        return classNames.size() == 2;
    }
}
