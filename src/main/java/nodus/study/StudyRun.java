package nodus.study;

import java.time.Duration;
import java.time.Instant;
import nodus.experiment.RunKind;
import nodus.experiment.RunStatus;

/**
 * A planned run of a study and where it stands: WAITING for prerequisites, BLOCKED by a failed one, or the
 * launched run's status. {@code reused}: the run existed (same content address) before the study launched it.
 */
public record StudyRun(String key, RunKind kind, String task, String name, Long runId, RunStatus runStatus,
                       String message, boolean reused, String blockedBy, Instant startedAt, Instant finishedAt) {

    public enum State { WAITING, QUEUED, RUNNING, FINISHED, FAILED, CANCELLED, BLOCKED }

    public State state() {
        if (blockedBy != null) {
            return State.BLOCKED;
        }
        if (runStatus == null) {
            return State.WAITING;
        }
        return switch (runStatus) {
            case QUEUED -> State.QUEUED;
            case RUNNING, INTERRUPTED -> State.RUNNING;
            case FINISHED -> State.FINISHED;
            case FAILED -> State.FAILED;
            case CANCELLED -> State.CANCELLED;
        };
    }

    /** Ended for good: finished, failed, cancelled, or blocked (will never start). */
    public boolean settled() {
        State s = state();
        return s == State.FINISHED || s == State.FAILED || s == State.CANCELLED || s == State.BLOCKED;
    }

    /** Wall time of the run (start → end), or null while it has not ended. */
    public Duration wallTime() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
