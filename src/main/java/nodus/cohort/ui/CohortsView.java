package nodus.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.nio.file.Path;
import java.util.List;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.base.ui.EmptyState;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.PresetImportService;
import nodus.cohort.Task;

/** The cohort list (every version), and for researchers a one-step import of a known public layout. */
@Route("cohorts")
@PageTitle("Cohorts · Nodus")
@Menu(title = "Cohorts", order = 10)
@PermitAll
public class CohortsView extends VerticalLayout {

    private final CohortService cohorts;
    private final Grid<Cohort> grid = new Grid<>(Cohort.class, false);
    private final EmptyState empty;

    public CohortsView(CohortService cohorts, PresetImportService presets, CurrentUser user) {
        this.cohorts = cohorts;
        H2 heading = new H2("Cohorts");
        heading.setId("view-heading");
        add(heading);
        empty = new EmptyState("No cohorts yet",
                "A cohort is a dataset (images, lesion masks, clinical table) with inclusion rules and a task. "
                        + "Import one with `java -jar target/nodus.jar import …`, or restart with an empty database "
                        + "to get the synthetic demo cohort.");
        grid.addComponentColumn(c -> {
            RouterLink link = new RouterLink(c.name(), CohortView.class, c.id());
            link.setId("open-cohort-" + c.id());
            return link;
        }).setHeader("Cohort").setAutoWidth(true);
        grid.addColumn(c -> "v" + c.version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(c -> cohorts.dataset(c.datasetId()).name()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(c -> cohorts.cases(c.id()).size()).setHeader("Cases").setAutoWidth(true);
        grid.addColumn(c -> String.join("; ", c.tasks().stream().map(Task::name).toList())).setHeader("Tasks");
        grid.addColumn(Cohort::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.setId("cohort-grid");
        grid.setAllRowsVisible(true);
        add(empty, grid);
        if (user.hasRole(Role.RESEARCHER) || user.hasRole(Role.ADMIN)) {
            RouterLink wizard = new RouterLink("Import a dataset (wizard: folder, column mapping, validation)",
                    ImportWizardView.class);
            wizard.setId("open-import-wizard");
            add(wizard);
        }
        if (user.hasRole(Role.RESEARCHER)) {
            add(importForm(presets));
        }
        refresh();
    }

    private HorizontalLayout importForm(PresetImportService presets) {
        ComboBox<String> preset = new ComboBox<>("Import a public dataset", PresetImportService.PRESETS);
        preset.setValue(PresetImportService.PRESETS.get(0));
        TextField folder = new TextField("Folder on the server");
        folder.setPlaceholder("/data/breast-lesions-usg");
        folder.setWidth("28em");
        Button run = new Button("Import", click -> {
            try {
                Cohort c = presets.importPreset(preset.getValue(), Path.of(folder.getValue().trim()), null);
                Notification.show("Imported " + c.ref());
                refresh();
            } catch (IllegalArgumentException e) {
                Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            }
        });
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(preset, folder, run);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return form;
    }

    private void refresh() {
        List<Cohort> all = cohorts.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }
}
