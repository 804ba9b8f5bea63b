package nodus.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
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
            add(form(dataset));
        }
        grid.setId("split-grid");
        grid.addColumn(Split::name).setHeader("Split").setAutoWidth(true);
        grid.addColumn(Split::taskName).setHeader("Task").setAutoWidth(true);
        grid.addColumn(this::balance).setHeader("Class balance per part").setFlexGrow(1);
        grid.addColumn(s -> s.contentHash().substring(0, 12) + "…").setHeader("Content hash").setAutoWidth(true);
        grid.addColumn(s -> s.used() ? "frozen (used)" : "editable").setHeader("State").setAutoWidth(true);
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
