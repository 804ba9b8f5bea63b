package nodus.experiment;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of runs (who, when, what, comment), shown in a run's history. Anyone working on runs may comment;
 * approving or rejecting a run for the registry is for supervisors only, checked here on every call
 * ({@code @RolesAllowed}), whatever the UI shows. The registry's own approval of a champion alias can read
 * {@link #decision} rather than keep a second record.
 */
@Service
public class RunReviewService {

    private final RunReviewRepository reviews;
    private final RunRepository runs;
    private final CurrentUser currentUser;

    RunReviewService(RunReviewRepository reviews, RunRepository runs, CurrentUser currentUser) {
        this.reviews = reviews;
        this.runs = runs;
        this.currentUser = currentUser;
    }

    @RolesAllowed({Role.RESEARCHER_NAME, Role.SUPERVISOR_NAME})
    @Transactional
    public RunReview comment(long runId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a comment must not be blank");
        }
        return record(runId, RunReview.Action.COMMENT, text.trim());
    }

    @RolesAllowed(Role.SUPERVISOR_NAME)
    @Transactional
    public RunReview approve(long runId, String comment) {
        return decide(runId, RunReview.Action.APPROVE, comment);
    }

    @RolesAllowed(Role.SUPERVISOR_NAME)
    @Transactional
    public RunReview reject(long runId, String comment) {
        return decide(runId, RunReview.Action.REJECT, comment);
    }

    @PermitAll
    public List<RunReview> history(long runId) {
        return reviews.byRun(runId);
    }

    /** The latest approval or rejection of a run, if any. */
    @PermitAll
    public Optional<RunReview> decision(long runId) {
        return reviews.byRun(runId).stream().filter(RunReview::isDecision).reduce((a, b) -> b);
    }

    /** Latest decision per run id, for dashboards (one query). */
    @PermitAll
    public Map<Long, RunReview> decisions() {
        Map<Long, RunReview> latest = new HashMap<>();
        reviews.decisions().forEach(r -> latest.put(r.runId(), r));
        return latest;
    }

    /** Finished runs without a decision yet, oldest first. */
    @PermitAll
    public List<Run> awaitingReview() {
        Map<Long, RunReview> decided = decisions();
        return runs.findAll().stream().filter(r -> r.status() == RunStatus.FINISHED)
                .filter(r -> !decided.containsKey(r.id()))
                .sorted(java.util.Comparator.comparing(Run::createdAt)).toList();
    }

    private RunReview decide(long runId, RunReview.Action action, String comment) {
        Run run = runs.findById(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
        if (run.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("only finished runs can be approved or rejected; run " + runId + " is "
                    + run.status());
        }
        return record(runId, action, comment == null || comment.isBlank() ? null : comment.trim());
    }

    private RunReview record(long runId, RunReview.Action action, String comment) {
        runs.findById(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
        String who = currentUser.name();
        Instant now = Instant.now();
        reviews.insert(runId, action, comment, who, now);
        List<RunReview> all = reviews.byRun(runId);
        return all.get(all.size() - 1);
    }
}
