package nodus.cohort.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Dataset;
import nodus.cohort.Rule;
import nodus.cohort.Task;
import nodus.cohort.TaskKind;
import nodus.cohort.Variable;
import nodus.cohort.VariableRole;

/**
 * Edits a cohort's inclusion/exclusion rules and tasks. Saving never changes this version: it stores the next
 * version ({@link CohortService#revise}; researchers only, checked by the service) and opens it, so runs on this
 * version keep theirs.
 */
class DefinitionEditor extends VerticalLayout {

    private final List<Rule> rules;
    private final List<Task> tasks;
    private final Grid<Rule> ruleGrid = new Grid<>(Rule.class, false);
    private final Grid<Task> taskGrid = new Grid<>(Task.class, false);
    private final Paragraph error = new Paragraph();

    DefinitionEditor(Cohort cohort, Dataset dataset, CohortService cohorts) {
        setPadding(false);
        setId("definition-editor");
        rules = new ArrayList<>(cohort.rules());
        tasks = new ArrayList<>(cohort.tasks());
        error.setId("definition-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        List<String> variables = dataset.variables().stream().map(Variable::name).toList();
        List<String> outcomes = dataset.variables().stream().filter(v -> v.role() != VariableRole.PREDICTOR)
                .map(Variable::name).toList();

        ruleGrid.setId("rule-grid");
        ruleGrid.addColumn(Rule::describe).setHeader("Rule").setFlexGrow(1);
        ruleGrid.addComponentColumn(r -> remove(() -> rules.remove(r))).setHeader("").setAutoWidth(true);
        ruleGrid.setAllRowsVisible(true);
        taskGrid.setId("task-grid");
        taskGrid.addColumn(Task::name).setHeader("Task").setAutoWidth(true);
        taskGrid.addColumn(t -> t.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).setHeader("Kind")
                .setAutoWidth(true);
        taskGrid.addColumn(Task::column).setHeader("Outcome column").setAutoWidth(true);
        taskGrid.addColumn(Task::formatClasses).setHeader("Classes (name = values)").setFlexGrow(1);
        taskGrid.addComponentColumn(t -> remove(() -> tasks.remove(t))).setHeader("").setAutoWidth(true);
        taskGrid.setAllRowsVisible(true);

        TextField description = new TextField("What changed (description of the new version)");
        description.setValue(cohort.description() == null ? "" : cohort.description());
        description.setWidth("36em");
        description.setId("definition-description");
        Button save = new Button("Save as version " + (cohort.version() + 1), click -> {
            try {
                Cohort next = cohorts.revise(cohort.id(), description.getValue().trim(), rules, tasks);
                UI.getCurrent().navigate(CohortView.class, next.id());
            } catch (RuntimeException e) {
                error.setText(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("definition-save");
        add(new Paragraph("Rules: a case is in the cohort when it meets every include rule and no exclude rule."),
                ruleGrid, ruleForm(variables), new Paragraph("Tasks"), taskGrid, taskForm(outcomes), description,
                save, error);
        refresh();
    }

    private HorizontalLayout ruleForm(List<String> variables) {
        Select<Rule.Effect> effect = new Select<>();
        effect.setLabel("Effect");
        effect.setItems(Rule.Effect.values());
        effect.setItemLabelGenerator(e -> e.name().toLowerCase(Locale.ROOT));
        effect.setValue(Rule.Effect.INCLUDE);
        effect.setId("rule-effect");
        ComboBox<String> variable = new ComboBox<>("Variable", variables);
        variable.setId("rule-variable");
        Select<Rule.Op> op = new Select<>();
        op.setLabel("Condition");
        op.setItems(Rule.Op.values());
        op.setItemLabelGenerator(Rule.Op::symbol);
        op.setValue(Rule.Op.LE);
        op.setId("rule-op");
        TextField value = new TextField("Value");
        value.setId("rule-value");
        Button add = new Button("Add rule", click -> {
            try {
                rules.add(new Rule(effect.getValue(), variable.getValue(), op.getValue(), value.getValue().trim()));
                refresh();
            } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
            }
        });
        add.setId("rule-add");
        HorizontalLayout form = new HorizontalLayout(effect, variable, op, value, add);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private HorizontalLayout taskForm(List<String> outcomes) {
        TextField name = new TextField("Task name");
        name.setId("task-name");
        Select<TaskKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(TaskKind.values());
        kind.setItemLabelGenerator(k -> k.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        kind.setValue(TaskKind.BINARY);
        kind.setId("task-kind");
        ComboBox<String> column = new ComboBox<>("Outcome column", outcomes);
        column.setId("task-column");
        TextField classes = new TextField("Classes, e.g. N0 = N0; N+ = N+(1-2), N+(>=3)");
        classes.setWidth("26em");
        classes.setId("task-classes");
        Button add = new Button("Add task", click -> {
            try {
                tasks.add(new Task(name.getValue().trim(), kind.getValue(), column.getValue(),
                        Task.parseClasses(classes.getValue())));
                refresh();
            } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
            }
        });
        add.setId("task-add");
        HorizontalLayout form = new HorizontalLayout(name, kind, column, classes, add);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private Button remove(Runnable action) {
        Button b = new Button("Remove", click -> {
            action.run();
            refresh();
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }

    private void refresh() {
        error.setText("");
        ruleGrid.setItems(rules);
        taskGrid.setItems(tasks);
    }
}
