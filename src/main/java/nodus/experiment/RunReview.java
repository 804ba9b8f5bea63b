package nodus.experiment;

import java.time.Instant;

/**
 * One entry of a run's review history: a comment, or a supervisor's approval or rejection for the registry.
 * Append-only; the latest APPROVE/REJECT is the run's decision (see {@link RunReviewService#decision}).
 */
public record RunReview(long id, long runId, Action action, String comment, String reviewer, Instant createdAt) {

    public enum Action { COMMENT, APPROVE, REJECT }

    public RunReview {
        if (action == null || reviewer == null || reviewer.isBlank() || createdAt == null) {
            throw new IllegalArgumentException("a review needs an action, a reviewer and a time");
        }
    }

    public boolean isDecision() {
        return action != Action.COMMENT;
    }
}
