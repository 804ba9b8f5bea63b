package nodus.study;

import java.time.Instant;

/** A launched study: its spec (YAML as given), the experiment holding its runs, and its overall status. */
public record Study(long id, String name, long experimentId, String cohortRef, String specYaml, StudyStatus status,
                    String createdBy, Instant createdAt, Instant finishedAt) {
}
