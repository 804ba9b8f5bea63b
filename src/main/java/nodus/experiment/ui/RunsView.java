package nodus.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import nodus.base.ui.EmptyState;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunService;
import nodus.experiment.RunWorker;
import nodus.experiment.tracking.RunSync;
import nodus.experiment.tracking.SyncState;
import nodus.experiment.tracking.TrackingService;
import nodus.base.security.CurrentUser;
import nodus.experiment.RunReview;
import nodus.experiment.RunReviewService;

/** All runs; selecting one shows its review history and the review actions the user's role allows. */
@Route("runs")
@PageTitle("Runs · Nodus")
@Menu(title = "Runs", order = 30)
@PermitAll
public class RunsView extends VerticalLayout {

    public RunsView(ExperimentService experiments, TrackingService tracking, RunReviewService reviews,
                    CurrentUser user, RunService runService) {
        H2 heading = new H2("Runs");
        heading.setId("view-heading");
        add(heading);
        Paragraph mlflow = new Paragraph(tracking.configured()
                ? "Runs are mirrored to " + tracking.describe() + "." : tracking.describe());
        mlflow.setId("mlflow-status");
        mlflow.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(mlflow);
        var runs = experiments.allRuns();
        if (runs.isEmpty()) {
            add(new EmptyState("No runs yet",
                    "Runs are the model variants of an experiment: radiomics signature, clinical, combined and "
                            + "fine-tuned backbones. Open Experiments to launch one."));
            return;
        }
        Map<Long, RunSync> syncs = tracking.syncs();
        var decisions = reviews.decisions();
        Grid<Run> grid = new Grid<>(Run.class, false);
        grid.setId("runs-grid");
        // The run page (live progress, curves, Grad-CAM) is routed as runs/<id>.
        grid.addComponentColumn(run -> {
            Anchor open = new Anchor("runs/" + run.id(), run.name());
            open.setId("open-run-" + run.id());
            return open;
        }).setHeader("Run").setComparator(Run::name).setSortable(true);
        grid.addColumn(Run::kind).setHeader("Kind").setSortable(true);
        grid.addColumn(Run::task).setHeader("Task");
        grid.addColumn(Run::status).setHeader("Status").setSortable(true);
        grid.addComponentColumn(run -> syncCell(syncs.getOrDefault(run.id(), RunSync.notTracked(run.id()))))
                .setHeader("MLflow").setAutoWidth(true);
        grid.addColumn(r -> decisions.containsKey(r.id()) ? decisions.get(r.id()).action().name() : "")
                .setHeader("Review");
        grid.addColumn(Run::createdBy).setHeader("Launched by");
        grid.addColumn(Run::createdAt).setHeader("Created").setSortable(true);
        Map<Long, RunWorker> workers = runService.workers(runs.stream().map(Run::id).toList());
        grid.addColumn(r -> workerLabel(workers.get(r.id()))).setHeader("Worker").setKey("worker");
        grid.setItems(runs);
        ReviewPanel panel = new ReviewPanel(reviews, user, () -> { });
        grid.asSingleSelect().addValueChangeListener(e -> panel.show(e.getValue()));
        add(grid, panel);
    }

    static String decision(RunReview r) {
        return r == null ? "" : r.action().name() + " by " + r.reviewer();
    }

    /** The run's sync state (with the last error as tooltip) and a link to the run in the MLflow UI. */
    private static Component syncCell(RunSync sync) {
        Span state = new Span(switch (sync.state()) {
            case SYNCED -> "synced";
            case PENDING -> "pending (" + sync.pendingEntries() + ")";
            case FAILING -> "failing, retrying (" + sync.attempts() + ")";
            case NOT_TRACKED -> "not tracked";
        });
        state.getElement().getThemeList().add("badge");
        if (sync.state() == SyncState.SYNCED) {
            state.getElement().getThemeList().add("success");
        } else if (sync.state() == SyncState.FAILING) {
            state.getElement().getThemeList().add("error");
            state.getElement().setAttribute("title", sync.lastError() == null ? "" : sync.lastError());
        } else {
            state.getElement().getThemeList().add("contrast");
        }
        HorizontalLayout cell = new HorizontalLayout(state);
        cell.setSpacing(true);
        if (sync.url() != null) {
            Anchor link = new Anchor(sync.url(), "open in MLflow");
            link.setTarget(AnchorTarget.BLANK);
            cell.add(link);
        }
        return cell;
    }

    /** The job-engine worker that runs or ran the run; "(resumed ×n)" when workers died under it. */
    static String workerLabel(RunWorker w) {
        if (w == null || w.workerName() == null) {
            return "";
        }
        return w.executions() > 1 ? w.workerName() + " (started " + w.executions() + "×)" : w.workerName();
    }
}
