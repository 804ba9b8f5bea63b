package nodus.experiment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nodus.base.ui.EmptyState;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;

@Route("runs")
@PageTitle("Runs · Nodus")
@Menu(title = "Runs", order = 30)
@PermitAll
public class RunsView extends VerticalLayout {

    public RunsView(ExperimentService experiments) {
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
        Grid<Run> grid = new Grid<>(Run.class, false);
        grid.addColumn(Run::name).setHeader("Run").setSortable(true);
        grid.addColumn(Run::kind).setHeader("Kind").setSortable(true);
        grid.addColumn(Run::task).setHeader("Task");
        grid.addColumn(Run::status).setHeader("Status").setSortable(true);
        grid.addColumn(Run::createdBy).setHeader("Launched by");
        grid.addColumn(Run::createdAt).setHeader("Created").setSortable(true);
        grid.setItems(runs);
        add(grid);
    }
}
