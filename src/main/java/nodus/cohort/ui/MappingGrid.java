package nodus.cohort.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nodus.cohort.ColumnGuess;
import nodus.cohort.ImportDraft;
import nodus.cohort.ImportDraft.ColumnChoice;
import nodus.cohort.VariableKind;

/**
 * The mapping step's grid: one row per table column with what type detection found, and editors for its use
 * (case id, patient id, predictor, outcome, kept-not-predictor, ignore), its type and its categories (comma-separated;
 * for an ordinal column the order typed is the category order, lowest first). Edits go into an {@link ImportDraft}.
 */
class MappingGrid extends Grid<ColumnChoice> {

    private ImportDraft draft;
    private Map<String, ColumnGuess> guesses = Map.of();

    MappingGrid() {
        super(ColumnChoice.class, false);
        setId("import-mapping-grid");
        addColumn(ColumnChoice::column).setHeader("Column").setAutoWidth(true);
        addColumn(c -> detected(guesses.get(c.column()))).setHeader("Detected").setWidth("18em");
        addComponentColumn(this::useEditor).setHeader("Use").setAutoWidth(true);
        addComponentColumn(this::kindEditor).setHeader("Type").setAutoWidth(true);
        addComponentColumn(this::categoriesEditor).setHeader("Categories (in order, lowest first)").setWidth("18em")
                .setFlexGrow(1);
        setAllRowsVisible(true);
    }

    void show(ImportDraft newDraft, List<ColumnGuess> newGuesses) {
        draft = newDraft;
        guesses = newGuesses.stream().collect(Collectors.toMap(ColumnGuess::column, Function.identity(), (a, b) -> a));
        setItems(draft.columns());
    }

    ImportDraft draft() {
        return draft;
    }

    private static String detected(ColumnGuess g) {
        if (g == null) {
            return "";
        }
        String kind = g.kind().name().toLowerCase(Locale.ROOT);
        return kind + (g.kind() == VariableKind.NUMERIC ? "" : " (" + g.categories().size() + " values)")
                + (g.missing() > 0 ? ", " + g.missing() + " missing" : "") + "; e.g. "
                + String.join(", ", g.examples().stream().limit(3).toList());
    }

    private Select<ImportDraft.Use> useEditor(ColumnChoice c) {
        Select<ImportDraft.Use> use = new Select<>();
        use.setItems(ImportDraft.Use.values());
        use.setItemLabelGenerator(ImportDraft.Use::label);
        use.setValue(c.use());
        use.setId("import-use-" + c.column());
        use.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                update(c.column(), current -> current.withUse(e.getValue()));
            }
        });
        return use;
    }

    private Select<VariableKind> kindEditor(ColumnChoice c) {
        Select<VariableKind> kind = new Select<>();
        kind.setItems(VariableKind.values());
        kind.setItemLabelGenerator(k -> k.name().toLowerCase(Locale.ROOT));
        kind.setValue(c.kind());
        kind.setId("import-kind-" + c.column());
        kind.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                ColumnGuess g = guesses.get(c.column());
                List<String> detected = g == null || g.categories().isEmpty() && g.examples().isEmpty() ? List.of()
                        : g.categories().isEmpty() ? g.examples() : g.categories();
                update(c.column(), current -> current.withKind(e.getValue(), detected));
                setItems(draft.columns());
            }
        });
        return kind;
    }

    private TextField categoriesEditor(ColumnChoice c) {
        TextField categories = new TextField();
        categories.setWidthFull();
        categories.setValue(String.join(", ", c.categories()));
        categories.setEnabled(c.kind() != VariableKind.NUMERIC);
        categories.setId("import-categories-" + c.column());
        categories.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                update(c.column(), current -> current.withCategories(ImportDraft.parseCategories(e.getValue())));
            }
        });
        return categories;
    }

    private void update(String column, java.util.function.UnaryOperator<ColumnChoice> change) {
        for (int i = 0; i < draft.columns().size(); i++) {
            if (draft.columns().get(i).column().equals(column)) {
                draft = draft.withColumn(i, change.apply(draft.columns().get(i)));
                return;
            }
        }
    }
}
