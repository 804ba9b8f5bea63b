package nodus.experiment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.experiment.Run;
import nodus.experiment.RunReview;
import nodus.experiment.RunReviewService;

/**
 * A run's review history (who, when, what, comment) with the actions the user's role allows: comment for
 * researchers and supervisors, approve/reject for supervisors (the service checks the role again).
 */
class ReviewPanel extends VerticalLayout {

    private final RunReviewService reviews;
    private final Grid<RunReview> history = new Grid<>();
    private final H3 title = new H3();
    private final TextField comment = new TextField("Comment");
    private final Runnable onChange;
    private Run run;

    ReviewPanel(RunReviewService reviews, CurrentUser user, Runnable onChange) {
        this.reviews = reviews;
        this.onChange = onChange;
        setPadding(false);
        setId("review-panel");
        history.setId("review-history");
        history.addColumn(RunReview::createdAt).setHeader("When");
        history.addColumn(RunReview::reviewer).setHeader("Who");
        history.addColumn(RunReview::action).setHeader("Action");
        history.addColumn(r -> r.comment() == null ? "" : r.comment()).setHeader("Comment").setFlexGrow(3);
        history.setAllRowsVisible(true);
        comment.setId("review-comment");
        comment.setWidth("24em");
        HorizontalLayout actions = new HorizontalLayout(comment);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (user.hasRole(Role.RESEARCHER) || user.hasRole(Role.SUPERVISOR)) {
            Button add = new Button("Comment", e -> act(() -> reviews.comment(run.id(), comment.getValue())));
            add.setId("review-add-comment");
            actions.add(add);
        }
        if (user.hasRole(Role.SUPERVISOR)) {
            Button approve = new Button("Approve", e -> act(() -> reviews.approve(run.id(), comment.getValue())));
            approve.setId("review-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            Button reject = new Button("Reject", e -> act(() -> reviews.reject(run.id(), comment.getValue())));
            reject.setId("review-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(approve, reject);
        }
        add(title, history, actions);
        setVisible(false);
    }

    void show(Run run) {
        this.run = run;
        setVisible(run != null);
        if (run != null) {
            title.setText("History of " + run.name() + " (#" + run.id() + ", " + run.status() + ")");
            history.setItems(reviews.history(run.id()));
        }
    }

    private void act(Runnable action) {
        if (run == null) {
            return;
        }
        try {
            action.run();
            comment.clear();
            show(run);
            onChange.run();
        } catch (RuntimeException e) {
            Notification.show(e.getMessage());
        }
    }
}
