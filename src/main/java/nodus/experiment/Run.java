package nodus.experiment;

import java.time.Instant;

/**
 * One model variant trained and evaluated in an experiment. It records what it was made from — the cohort
 * version, the split's content hash, the spec (and its hash, which makes identical runs recognisable) — so its
 * numbers can be traced and recomputed.
 */
public record Run(long id, long experimentId, String name, RunKind kind, String task, String cohortRef,
                  String splitHash, String specHash, RunStatus status, String statusMessage, String createdBy,
                  Instant createdAt, Instant startedAt, Instant finishedAt) {
    public Run {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("run name must not be blank");
        }
        if (kind == null || status == null) {
            throw new IllegalArgumentException("run kind and status must be given");
        }
    }
}
