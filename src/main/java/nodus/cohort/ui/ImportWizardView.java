package nodus.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import nodus.base.security.Role;
import nodus.cohort.Cohort;
import nodus.cohort.ImportDraft;
import nodus.cohort.ImportMapping;
import nodus.cohort.ImportProblem;
import nodus.cohort.ImportRequest;
import nodus.cohort.ImportService;
import nodus.cohort.ImportValidationException;

/**
 * The import wizard: 1 source (server-side images folder, file-name patterns, clinical table path or upload),
 * 2 column mapping (detected types, editable use/type/category order, preview of the first rows, saved mappings),
 * 3 validation report (every problem with file, row and column) and the all-or-nothing import, which also defines
 * the first cohort. Thin: {@link ImportService} and {@link ImportDraft} do the work; researchers and admins only
 * (the route and every service call are checked on the server).
 */
@Route("cohorts/import")
@PageTitle("Import a dataset · Nodus")
@RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
public class ImportWizardView extends VerticalLayout {

    private static final int PREVIEW_ROWS = 10;
    private final ImportService imports;
    private final H3 step = new H3();
    private final Paragraph error = new Paragraph();
    private final VerticalLayout source = new VerticalLayout();
    private final VerticalLayout mapping = new VerticalLayout();
    private final VerticalLayout validation = new VerticalLayout();

    private final TextField folder = new TextField("Images folder on the server");
    private final TextField table = new TextField("Clinical table (CSV or XLSX): path in the folder, or absolute");
    private final TextField imagePattern = new TextField("Image file name ({id} = case id)", "{id}.png", "");
    private final TextField maskPattern = new TextField("Mask file name ({id} = case id; blank = no masks)",
            "{id}_mask.png", "");
    private final Checkbox masksRequired = new Checkbox("Every case must have a mask", true);
    private final NumberField spacing = new NumberField("Pixel spacing (mm)");
    private final TextField name = new TextField("Dataset and cohort name");

    private final MappingGrid mappingGrid = new MappingGrid();
    private final Div preview = new Div();
    private final ComboBox<String> savedMappings = new ComboBox<>("Saved mapping");
    private final TextField mappingName = new TextField("Save this mapping as");

    private final Paragraph summary = new Paragraph();
    private final Grid<ImportProblem> problems = new Grid<>(ImportProblem.class, false);
    private final Button importButton = new Button("Import");
    private final Div done = new Div();
    private ImportRequest request;

    public ImportWizardView(ImportService imports) {
        this.imports = imports;
        H2 heading = new H2("Import a dataset");
        heading.setId("view-heading");
        step.setId("import-step");
        error.setId("import-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(heading, step, error, source, mapping, validation);
        buildSource();
        buildMapping();
        buildValidation();
        show(1);
    }

    private void show(int n) {
        step.setText(switch (n) {
            case 1 -> "Step 1 of 3 — source";
            case 2 -> "Step 2 of 3 — column mapping";
            default -> "Step 3 of 3 — validation and import";
        });
        source.setVisible(n == 1);
        mapping.setVisible(n == 2);
        validation.setVisible(n == 3);
        error.setText("");
    }

    private void buildSource() {
        source.setPadding(false);
        folder.setId("import-folder");
        folder.setWidth("36em");
        folder.setPlaceholder("/data/my-study");
        table.setId("import-table");
        table.setWidth("36em");
        table.setPlaceholder("clinical.csv");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            try {
                table.setValue(imports.stageUpload(meta.fileName(), bytes).toString());
            } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
            }
        }))));
        upload.setAcceptedFileTypes(".csv", ".xlsx");
        upload.setMaxFiles(1);
        upload.setId("import-upload");
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("…or upload the table (CSV or XLSX)"));
        imagePattern.setId("import-image-pattern");
        maskPattern.setId("import-mask-pattern");
        masksRequired.setId("import-masks-required");
        spacing.setId("import-spacing");
        spacing.setValue(1.0);
        spacing.setMin(0);
        name.setId("import-name");
        Button next = new Button("Next: map columns", click -> toMapping());
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("import-next-source");
        HorizontalLayout patterns = new HorizontalLayout(imagePattern, maskPattern, spacing);
        patterns.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        source.add(folder, table, upload, patterns, masksRequired, name, next);
    }

    private void toMapping() {
        try {
            Path dir = folderPath();
            Path tablePath = dir.resolve(table.getValue().trim());
            ImportService.Preview p = imports.preview(tablePath, PREVIEW_ROWS);
            mappingGrid.show(ImportDraft.guess(table.getValue().trim(), imagePattern.getValue(),
                    maskPattern.getValue(), masksRequired.getValue(), spacing.getValue() == null ? 1
                            : spacing.getValue(), p.columns()), p.columns());
            previewGrid(p);
            savedMappings.setItems(imports.mappingNames());
            if (name.getValue().isBlank()) {
                name.setValue(dir.getFileName() == null ? "import" : dir.getFileName().toString());
            }
            show(2);
        } catch (RuntimeException e) {
            error.setText(e.getMessage());
        }
    }

    private Path folderPath() {
        if (folder.getValue().isBlank() || table.getValue().isBlank()) {
            throw new IllegalArgumentException("give the images folder and the clinical table");
        }
        return Path.of(folder.getValue().trim()).toAbsolutePath().normalize();
    }

    private void previewGrid(ImportService.Preview p) {
        Grid<List<String>> grid = new Grid<>();
        grid.setId("import-preview-grid");
        for (int c = 0; c < p.headers().size(); c++) {
            int col = c;
            grid.addColumn(row -> col < row.size() ? row.get(col) : "").setHeader(p.headers().get(c))
                    .setAutoWidth(true);
        }
        grid.setItems(p.rows());
        grid.setAllRowsVisible(true);
        preview.removeAll();
        preview.add(new Paragraph("First " + p.rows().size() + " rows of the table"), grid);
        preview.setWidthFull();
    }

    private void buildMapping() {
        mapping.setPadding(false);
        savedMappings.setId("import-saved-mappings");
        Button reuse = new Button("Reuse saved mapping", click -> {
            String chosen = savedMappings.getValue();
            if (chosen == null) {
                error.setText("choose a saved mapping first");
                return;
            }
            imports.mapping(chosen).ifPresent(m -> {
                mappingGrid.show(mappingGrid.draft().reuse(m), imports.preview(folderPath()
                        .resolve(table.getValue().trim()), PREVIEW_ROWS).columns());
                imagePattern.setValue(m.imagePattern() == null ? imagePattern.getValue() : m.imagePattern());
                maskPattern.setValue(m.maskPattern() == null ? "" : m.maskPattern());
                Notification.show("Applied mapping " + chosen);
            });
        });
        reuse.setId("import-reuse-mapping");
        mappingName.setId("import-mapping-name");
        Button save = new Button("Save mapping", click -> {
            try {
                imports.saveMapping(mappingName.getValue(), mappingGrid.draft().toMapping());
                savedMappings.setItems(imports.mappingNames());
                Notification.show("Mapping saved as " + mappingName.getValue().trim());
            } catch (RuntimeException e) {
                error.setText(e.getMessage());
            }
        });
        save.setId("import-save-mapping");
        HorizontalLayout saved = new HorizontalLayout(savedMappings, reuse, mappingName, save);
        saved.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        saved.setWrap(true);
        Button back = new Button("Back", click -> show(1));
        Button next = new Button("Next: validate", click -> toValidation());
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("import-next-mapping");
        mapping.add(saved, mappingGrid, preview, new HorizontalLayout(back, next));
    }

    private void toValidation() {
        try {
            ImportMapping m = mappingGrid.draft().toMapping();
            request = new ImportRequest(folderPath(), name.getValue().trim(), "import wizard: " + folder.getValue()
                    .trim(), m);
            show(3);
            revalidate();
        } catch (RuntimeException e) {
            error.setText(e.getMessage());
        }
    }

    private void buildValidation() {
        validation.setPadding(false);
        summary.setId("import-validation-summary");
        problems.setId("import-problems");
        problems.addColumn(ImportProblem::file).setHeader("File").setAutoWidth(true);
        problems.addColumn(p -> p.row() == null ? "" : p.row().toString()).setHeader("Row").setAutoWidth(true);
        problems.addColumn(p -> p.column() == null ? "" : p.column()).setHeader("Column").setAutoWidth(true);
        problems.addColumn(ImportProblem::message).setHeader("Problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);
        Button back = new Button("Back", click -> show(2));
        Button again = new Button("Validate again", click -> revalidate());
        again.setId("import-revalidate");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setId("import-run");
        importButton.addClickListener(click -> runImport());
        done.setId("import-done");
        validation.add(summary, problems, new HorizontalLayout(back, again, importButton), done);
    }

    private void revalidate() {
        List<ImportProblem> found = imports.validate(request);
        showProblems(found);
    }

    private void showProblems(List<ImportProblem> found) {
        problems.setItems(found);
        problems.setVisible(!found.isEmpty());
        importButton.setEnabled(found.isEmpty());
        summary.setText(found.isEmpty() ? "No problems found: ready to import (all or nothing)."
                : found.size() + " problem(s); nothing can be imported until they are fixed.");
    }

    private void runImport() {
        try {
            Cohort cohort = imports.importWithCohort(request);
            done.removeAll();
            RouterLink link = new RouterLink("Open cohort " + cohort.ref(), CohortView.class, cohort.id());
            link.setId("import-open-cohort");
            done.add(new Paragraph("Imported dataset and cohort " + cohort.ref() + "."), link);
            importButton.setEnabled(false);
        } catch (ImportValidationException e) {
            showProblems(e.problems());
        } catch (RuntimeException e) {
            error.setText(e.getMessage());
        }
    }
}
