package nodus.cohort.study;

/**
 * The port through which model runs (classical, deeplearning) read a study: a cohort version, one of its tasks,
 * and a split. Loading marks the split as used, which freezes it (its hash is recorded by every run).
 */
public interface StudyDataSource {

    /**
     * @param cohortRef the cohort and version, e.g. {@code demo@1}
     * @param task      the task's name, e.g. {@code n0-vs-nplus}
     * @param splitRef  the split's name or content hash
     * @throws IllegalArgumentException naming what is missing when the cohort, task or split does not exist
     */
    StudyData load(String cohortRef, String task, String splitRef);
}
