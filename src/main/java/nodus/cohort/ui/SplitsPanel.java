package nodus.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nodus.cohort.Cohort;
import nodus.cohort.Dataset;
import nodus.cohort.Part;
import nodus.cohort.Split;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import nodus.cohort.Task;
import nodus.cohort.Variable;

/** The splits of a cohort with their class balance per part; researchers create new seeded splits here. */
class SplitsPanel extends VerticalLayout {

    private final Cohort cohort;
    private final SplitService splits;
    private final Grid<Split> grid = new Grid<>(Split.class, false);
    private final Runnable onChange;

    SplitsPanel(Cohort cohort, Dataset dataset, SplitService splits, boolean researcher, Runnable onChange) {
        this.cohort = cohort;
        this.splits = splits;
        this.onChange = onChange;
        setPadding(false);
        if (researcher) {
            add(form(dataset), importForm(dataset));
        }
        grid.setId("split-grid");
        grid.addColumn(Split::name).setHeader("Split").setAutoWidth(true);
        grid.addColumn(Split::taskName).setHeader("Task").setAutoWidth(true);
        grid.addColumn(this::balance).setHeader("Class balance per part").setFlexGrow(1);
        grid.addColumn(s -> s.contentHash().substring(0, 12) + "…").setHeader("Content hash").setAutoWidth(true);
        grid.addColumn(s -> s.used() ? "🔒 frozen (used by a run)" : "editable").setHeader("State").setAutoWidth(true);
        if (researcher) {
            grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private HorizontalLayout form(Dataset dataset) {
        Select<Task> task = new Select<>();
        task.setLabel("Task");
        task.setItems(cohort.tasks());
        task.setItemLabelGenerator(Task::name);
        task.setValue(cohort.tasks().get(0));
        task.setId("split-task");
        Select<SplitScheme> scheme = new Select<>();
        scheme.setLabel("Scheme");
        scheme.setItems(SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, SplitScheme.TRAIN_TEST_4_1);
        scheme.setItemLabelGenerator(SplitScheme::label);
        scheme.setValue(SplitScheme.TRAIN_VALIDATION_TEST_6_2_2);
        scheme.setId("split-scheme");
        IntegerField seed = new IntegerField("Seed");
        seed.setValue(42);
        seed.setId("split-seed");
        MultiSelectComboBox<String> balance = new MultiSelectComboBox<>("Balance on (optional)");
        balance.setItems(dataset.predictors().stream().map(Variable::name).toList());
        balance.setId("split-balance");
        Button create = new Button("Create split", click -> {
            try {
                splits.create(cohort.id(), task.getValue().name(), scheme.getValue(),
                        seed.getValue() == null ? 0 : seed.getValue(), new ArrayList<>(balance.getSelectedItems()), null);
                refresh();
                onChange.run();
                Notification.show("Split created");
            } catch (IllegalArgumentException e) {
                Notification.show(e.getMessage());
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-split");
        HorizontalLayout form = new HorizontalLayout(task, scheme, seed, balance, create);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    /** Published folds: a split from a column of the clinical table, or from a CSV/XLSX file (case_id, part). */
    private HorizontalLayout importForm(Dataset dataset) {
        Select<Task> task = new Select<>();
        task.setLabel("Task");
        task.setItems(cohort.tasks());
        task.setItemLabelGenerator(Task::name);
        task.setValue(cohort.tasks().get(0));
        task.setId("split-import-task");
        ComboBox<String> column = new ComboBox<>("Split from column (train/validation/test)",
                dataset.variables().stream().map(Variable::name).toList());
        column.setId("split-import-column");
        Button fromColumn = new Button("Import from column", click -> {
            try {
                splits.importFromColumn(cohort.id(), task.getValue().name(), column.getValue(), null);
                changed("Split imported from column " + column.getValue());
            } catch (IllegalArgumentException | NullPointerException e) {
                Notification.show(column.getValue() == null ? "choose a column" : e.getMessage(), 8000,
                        Notification.Position.MIDDLE);
            }
        });
        fromColumn.setId("split-import-from-column");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            try {
                splits.importFromUpload(cohort.id(), task.getValue().name(), meta.fileName(), bytes, null);
                changed("Split imported from " + meta.fileName());
            } catch (IllegalArgumentException e) {
                Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            }
        }))));
        upload.setAcceptedFileTypes(".csv", ".xlsx");
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("…or upload a split file (columns case_id, part)"));
        upload.setId("split-import-upload");
        HorizontalLayout form = new HorizontalLayout(task, column, fromColumn, upload);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    /** Rename/delete, only while no run has used the split (the service refuses too). */
    private HorizontalLayout actions(Split s) {
        TextField name = new TextField();
        name.setValue(s.name());
        name.setEnabled(!s.used());
        name.setWidth("14em");
        Button rename = new Button("Rename", click -> act(() -> splits.rename(s.id(), name.getValue()), "Renamed"));
        Button delete = new Button("Delete", click -> act(() -> splits.delete(s.id()), "Deleted"));
        rename.setEnabled(!s.used());
        delete.setEnabled(!s.used());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout h = new HorizontalLayout(name, rename, delete);
        h.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return h;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            changed(done);
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
        }
    }

    private void changed(String message) {
        refresh();
        onChange.run();
        Notification.show(message);
    }

    private String balance(Split s) {
        Task task = cohort.task(s.taskName()).orElseThrow();
        Map<Part, long[]> balance = splits.classBalance(s.id());
        List<String> parts = new ArrayList<>();
        balance.forEach((part, counts) -> {
            StringBuilder b = new StringBuilder(part.label()).append(": ");
            for (int k = 0; k < counts.length; k++) {
                b.append(k > 0 ? " / " : "").append(task.classes().get(k).name()).append(' ').append(counts[k]);
            }
            parts.add(b.toString());
        });
        return String.join(" · ", parts);
    }

    private void refresh() {
        grid.setItems(splits.list(cohort.id()));
    }
}
