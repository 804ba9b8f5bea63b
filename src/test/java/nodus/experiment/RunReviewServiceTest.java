package nodus.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nodus.base.security.Role;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Approve/reject is for supervisors only, checked by the service itself; every review is in the run's history. */
@SpringBootTest
class RunReviewServiceTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    RunReviewService reviews;

    private Run finishedRun(String experiment) {
        long exp = experiments.create(experiment, null).id();
        Run run = runs.launch(new NewRun(exp, "combined", RunKind.COMBINED, "n0-vs-nplus", "demo@1", "s1",
                "{\"c\":1}", 1L));
        runs.markRunning(run.id());
        runs.savePredictions(run.id(), List.of(CasePrediction.binary("a", SplitPart.TEST, 1, 0.8),
                CasePrediction.binary("b", SplitPart.TEST, 0, 0.3)));
        runs.finish(run.id(), "{}");
        return run;
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void researcherCanCommentButNotApproveOrReject() {
        Run run = finishedRun("review-researcher");
        RunReview c = reviews.comment(run.id(), "  calibration looks off on test ");
        assertThat(c.comment()).isEqualTo("calibration looks off on test");
        assertThat(c.reviewer()).isEqualTo("rita");
        assertThatThrownBy(() -> reviews.approve(run.id(), "mine is great")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.reject(run.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThat(reviews.history(run.id())).extracting(RunReview::action).containsExactly(RunReview.Action.COMMENT);
        assertThat(reviews.decision(run.id())).isEmpty();
        assertThat(reviews.awaitingReview()).extracting(Run::id).contains(run.id());
    }

    @Test
    void supervisorApprovesAndRejectsWithWhoWhenAndComment() {
        Run run = as("rita", Role.RESEARCHER, () -> finishedRun("review-supervisor"));
        Run queued = as("rita", Role.RESEARCHER, () -> runs.launch(new NewRun(run.experimentId(), "later",
                RunKind.RADIOMICS, "n0-vs-nplus", "demo@1", "s1", "{\"c\":2}", 1L)));
        RunReview approved = as("sam", Role.SUPERVISOR, () -> reviews.approve(run.id(), "best test AUC"));
        assertThat(approved.action()).isEqualTo(RunReview.Action.APPROVE);
        assertThat(approved.reviewer()).isEqualTo("sam");
        assertThat(approved.createdAt()).isNotNull();
        assertThat(reviews.decision(run.id())).map(RunReview::action).contains(RunReview.Action.APPROVE);
        assertThat(reviews.awaitingReview()).extracting(Run::id).doesNotContain(run.id());
        as("sam", Role.SUPERVISOR, () -> reviews.reject(run.id(), "calibration on test, see comment"));
        assertThat(reviews.decision(run.id())).map(RunReview::action).contains(RunReview.Action.REJECT);
        assertThat(reviews.history(run.id())).extracting(RunReview::action, RunReview::reviewer, RunReview::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RunReview.Action.APPROVE, "sam", "best test AUC"),
                        org.assertj.core.groups.Tuple.tuple(RunReview.Action.REJECT, "sam",
                                "calibration on test, see comment"));
        assertThatThrownBy(() -> as("sam", Role.SUPERVISOR, () -> reviews.approve(queued.id(), null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only finished runs");
        assertThatThrownBy(() -> as("ada", Role.ADMIN, () -> reviews.approve(run.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static <T> T as(String user, Role role, java.util.function.Supplier<T> action) {
        return nodus.experiment.compare.CompareFixture.as(user, role, action);
    }
}
