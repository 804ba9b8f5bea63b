package nodus.experiment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.base.ui.EmptyState;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;

@Route("experiments")
@PageTitle("Experiments · Nodus")
@Menu(title = "Experiments", order = 20)
@PermitAll
public class ExperimentsView extends VerticalLayout {

    private final ExperimentService experiments;
    private final Grid<Experiment> grid = new Grid<>(Experiment.class, false);
    private final EmptyState empty;

    public ExperimentsView(ExperimentService experiments, CurrentUser user) {
        this.experiments = experiments;
        H2 heading = new H2("Experiments");
        heading.setId("view-heading");
        add(heading);
        if (user.hasRole(Role.RESEARCHER)) {
            TextField name = new TextField("New experiment");
            name.setPlaceholder("e.g. ALN N0 vs N+ — backbones");
            Button create = new Button("Create", click -> {
                try {
                    experiments.create(name.getValue(), null);
                    name.clear();
                    refresh();
                } catch (IllegalArgumentException e) {
                    Notification.show(e.getMessage());
                }
            });
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("create-experiment");
            HorizontalLayout form = new HorizontalLayout(name, create);
            form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(form);
        }
        empty = new EmptyState("No experiments yet",
                user.hasRole(Role.RESEARCHER)
                        ? "Create an experiment above, then launch radiomics, clinical, combined and fine-tuning runs in it."
                        : "Researchers create experiments and launch runs; you will review them here.");
        grid.addColumn(Experiment::name).setHeader("Name").setSortable(true);
        grid.addColumn(Experiment::createdBy).setHeader("Created by");
        grid.addColumn(Experiment::createdAt).setHeader("Created").setSortable(true);
        grid.setAllRowsVisible(true);
        add(empty, grid);
        refresh();
    }

    private void refresh() {
        var all = experiments.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }
}
