package nodus.experiment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nodus.base.security.CurrentUser;
import nodus.base.ui.EmptyState;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunReview;
import nodus.experiment.RunReviewService;

/** All runs; selecting one shows its review history and the review actions the user's role allows. */
@Route("runs")
@PageTitle("Runs · Nodus")
@Menu(title = "Runs", order = 30)
@PermitAll
public class RunsView extends VerticalLayout {

    public RunsView(ExperimentService experiments, RunReviewService reviews, CurrentUser user) {
        H2 heading = new H2("Runs");
        heading.setId("view-heading");
        add(heading);
        var runs = experiments.allRuns();
        if (runs.isEmpty()) {
            add(new EmptyState("No runs yet",
                    "Runs are the model variants of an experiment: radiomics signature, clinical, combined and "
                            + "fine-tuned backbones. Open Experiments to launch one."));
            return;
        }
        var decisions = reviews.decisions();
        Grid<Run> grid = new Grid<>(Run.class, false);
        grid.setId("runs-grid");
        grid.addColumn(Run::name).setHeader("Run").setSortable(true);
        grid.addColumn(Run::kind).setHeader("Kind").setSortable(true);
        grid.addColumn(Run::task).setHeader("Task");
        grid.addColumn(Run::status).setHeader("Status").setSortable(true);
        grid.addColumn(r -> decisions.containsKey(r.id()) ? decisions.get(r.id()).action().name() : "")
                .setHeader("Review");
        grid.addColumn(Run::createdBy).setHeader("Launched by");
        grid.addColumn(Run::createdAt).setHeader("Created").setSortable(true);
        grid.setItems(runs);
        ReviewPanel panel = new ReviewPanel(reviews, user, () -> { });
        grid.asSingleSelect().addValueChangeListener(e -> panel.show(e.getValue()));
        add(grid, panel);
    }

    static String decision(RunReview r) {
        return r == null ? "" : r.action().name() + " by " + r.reviewer();
    }
}
