package nodus.study;

import java.util.List;
import java.util.Map;

/**
 * A study as a whole: every planned run's state, how many have settled, the failures (failed, cancelled or
 * blocked runs with the reason) and, once it ended, the saved comparison of each task (task → comparison id).
 */
public record StudyProgress(Study study, List<StudyRun> runs, Map<String, String> comparisons) {

    public StudyProgress {
        runs = List.copyOf(runs);
        comparisons = Map.copyOf(comparisons);
    }

    public long settled() {
        return runs.stream().filter(StudyRun::settled).count();
    }

    public long count(StudyRun.State state) {
        return runs.stream().filter(r -> r.state() == state).count();
    }

    /** Fraction of planned runs that have settled, 0–1. */
    public double fraction() {
        return runs.isEmpty() ? 1 : (double) settled() / runs.size();
    }

    public List<String> failures() {
        return runs.stream().filter(r -> r.state() == StudyRun.State.FAILED || r.state() == StudyRun.State.CANCELLED
                        || r.state() == StudyRun.State.BLOCKED)
                .map(r -> r.task() + " / " + r.name() + ": " + switch (r.state()) {
                    case BLOCKED -> "not started, " + r.blockedBy() + " did not finish";
                    case CANCELLED -> "cancelled";
                    default -> "failed" + (r.message() == null ? "" : " — " + r.message());
                } + (r.runId() == null ? "" : " (run " + r.runId() + ")"))
                .toList();
    }

    /** One line: "7/12 runs settled (5 finished, 1 running, …)". */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(settled()).append('/').append(runs.size()).append(" runs settled");
        StringBuilder parts = new StringBuilder();
        for (StudyRun.State s : StudyRun.State.values()) {
            long n = count(s);
            if (n > 0) {
                parts.append(parts.isEmpty() ? "" : ", ").append(n).append(' ')
                        .append(s.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return b.append(" (").append(parts).append(')').toString();
    }
}
