package nodus.registry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.base.ui.EmptyState;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunStatus;
import nodus.experiment.tracking.TrackingService;
import nodus.registry.RegisteredModel;
import nodus.registry.RegistryService;

/**
 * Exported models and their approval: researchers export finished runs and propose versions; supervisors approve
 * (which makes the version the champion) or reject, always with a comment. The buttons follow the role, and the
 * service checks the role again on every call.
 */
@Route("registry")
@PageTitle("Registry · Nodus")
@Menu(title = "Registry", order = 50)
@PermitAll
public class RegistryView extends VerticalLayout {

    private final RegistryService registry;
    private final ExperimentService experiments;
    private final Grid<RegisteredModel> grid = new Grid<>(RegisteredModel.class, false);
    private final VerticalLayout content = new VerticalLayout();

    public RegistryView(RegistryService registry, ExperimentService experiments, TrackingService tracking,
                        CurrentUser user) {
        this.registry = registry;
        this.experiments = experiments;
        H2 heading = new H2("Registry");
        heading.setId("view-heading");
        Paragraph where = new Paragraph("Exports are written to " + registry.root() + " (nodus.registry.root). "
                + (tracking.configured() ? "They are also registered in " + tracking.describe() + "."
                : "MLflow is not configured, so they stay local (set nodus.mlflow.tracking-uri or "
                + "MLFLOW_TRACKING_URI to register them in MLflow's Model Registry)."));
        where.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(heading, where);
        content.setPadding(false);
        add(content);
        boolean researcher = user.hasRole(Role.RESEARCHER);
        boolean supervisor = user.hasRole(Role.SUPERVISOR);
        if (researcher || supervisor) {
            add(exportForm());
        }
        buildGrid();
        add(actions(researcher, supervisor));
        refresh();
    }

    private void buildGrid() {
        Map<Long, Run> runs = experiments.allRuns().stream().collect(Collectors.toMap(Run::id, Function.identity()));
        grid.setId("registry-grid");
        grid.addColumn(RegisteredModel::name).setHeader("Model").setSortable(true);
        grid.addColumn(RegisteredModel::version).setHeader("Version");
        grid.addColumn(m -> runs.containsKey(m.runId()) ? runs.get(m.runId()).name() + " (#" + m.runId() + ")"
                : "#" + m.runId()).setHeader("Run");
        grid.addColumn(m -> m.weightsPresent() ? "yes" : "absent").setHeader("Weights");
        grid.addColumn(m -> m.state().name().toLowerCase()).setHeader("Approval").setSortable(true);
        grid.addColumn(m -> m.proposedBy() == null ? "" : m.proposedBy() + ": " + nullText(m.proposalComment()))
                .setHeader("Proposed");
        grid.addColumn(m -> m.reviewedBy() == null ? "" : m.reviewedBy() + " at " + m.reviewedAt() + ": "
                + nullText(m.reviewComment())).setHeader("Supervisor review (the run's, also in its history)");
        grid.addColumn(m -> m.champion() ? "champion" : "").setHeader("Alias");
    }

    private HorizontalLayout exportForm() {
        ComboBox<Run> run = new ComboBox<>("Finished run");
        run.setItems(experiments.allRuns().stream().filter(r -> r.status() == RunStatus.FINISHED).toList());
        run.setItemLabelGenerator(r -> r.name() + " (#" + r.id() + ", " + r.kind() + ")");
        TextField name = new TextField("Model name");
        name.setPlaceholder("aln-combined");
        Button export = new Button("Export to registry", e -> act(() -> {
            if (run.getValue() == null) {
                throw new IllegalArgumentException("choose a finished run");
            }
            RegisteredModel m = registry.export(run.getValue().id(), name.getValue());
            return "Exported " + m.name() + " v" + m.version() + " to " + m.directory()
                    + (m.weightsPresent() ? "" : " (weights absent: no exporter for this run kind yet)");
        }));
        export.setId("export-button");
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(run, name, export);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private VerticalLayout actions(boolean researcher, boolean supervisor) {
        TextField comment = new TextField("Comment");
        comment.setWidth("28em");
        HorizontalLayout buttons = new HorizontalLayout(comment);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (researcher) {
            buttons.add(new Button("Propose", e -> withSelected(m -> registry.propose(m.id(), comment.getValue()),
                    "proposed")));
        }
        if (supervisor) {
            Button approve = new Button("Approve (makes champion)", e -> withSelected(
                    m -> registry.approve(m.id(), comment.getValue()), "approved and made champion"));
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            buttons.add(approve, new Button("Reject", e -> withSelected(
                    m -> registry.reject(m.id(), comment.getValue()), "rejected")),
                    new Button("Make champion", e -> withSelected(m -> registry.makeChampion(m.id()),
                            "is the champion")));
        }
        VerticalLayout box = new VerticalLayout(new H3("Review"), buttons);
        box.setPadding(false);
        box.setVisible(researcher || supervisor);
        return box;
    }

    private void withSelected(Function<RegisteredModel, RegisteredModel> action, String done) {
        RegisteredModel selected = grid.asSingleSelect().getValue();
        act(() -> {
            if (selected == null) {
                throw new IllegalArgumentException("select a model version first");
            }
            RegisteredModel m = action.apply(selected);
            return m.name() + " v" + m.version() + " " + done;
        });
    }

    private void act(java.util.function.Supplier<String> action) {
        try {
            Notification.show(action.get(), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (RuntimeException e) {
            Notification.show(e.getMessage() == null ? e.toString() : e.getMessage(), 8000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        var models = registry.list();
        content.removeAll();
        if (models.isEmpty()) {
            content.add(new EmptyState("No registered models yet",
                    "Export a finished run to model-registry/ (and to MLflow's Model Registry when MLflow is "
                            + "configured); a researcher proposes it and a supervisor approves it as champion."));
            grid.setVisible(false);
        } else {
            grid.setItems(models);
            grid.setVisible(true);
        }
        if (grid.getParent().isEmpty()) {
            content.add(grid);
        } else if (!content.getChildren().toList().contains(grid)) {
            content.add(grid);
        }
    }

    private static String nullText(String s) {
        return s == null ? "" : s;
    }
}
