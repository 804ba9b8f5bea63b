package nodus.cohort;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nodus.base.config.DataHome;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing datasets (researchers and admins only, checked on every call): preview with type detection, saved
 * mappings, staging an uploaded table, and the all-or-nothing import itself (see {@link DatasetImporter}), optionally
 * with a first cohort whose tasks come from the outcome columns (what the UI import wizard does).
 */
@Service
public class ImportService {

    private final DatasetImporter importer;
    private final DatasetRepository datasets;
    private final CurrentUser currentUser;
    private final CohortService cohorts;
    private final DataHome dataHome;

    ImportService(DatasetImporter importer, DatasetRepository datasets, CurrentUser currentUser,
            CohortService cohorts, DataHome dataHome) {
        this.importer = importer;
        this.datasets = datasets;
        this.currentUser = currentUser;
        this.cohorts = cohorts;
        this.dataHome = dataHome;
    }

    /** The table's columns with detected types, and its first rows, for the mapping step. */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    public Preview preview(Path tableFile, int rows) {
        ClinicalTable table = TableReader.read(tableFile);
        return new Preview(TypeDetector.detect(table), table.headers(),
                table.rows().subList(0, Math.min(rows, table.rows().size())));
    }

    /** Validates and imports; throws {@link ImportValidationException} listing every problem (nothing written). */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    public Dataset importDataset(ImportRequest request) {
        return importer.run(request);
    }

    /** Validation only: every problem, empty when the import would succeed. */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    public List<ImportProblem> validate(ImportRequest request) {
        return ImportValidator.validate(request).problems();
    }

    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    public void saveMapping(String name, ImportMapping mapping) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a saved mapping needs a name");
        }
        datasets.saveMapping(name.trim(), Json.write(mapping), currentUser.name());
    }

    /**
     * Keeps an uploaded clinical table in the data home ({@code uploads/<random>/<name>}) and returns its absolute
     * path, which the mapping then names as its table file. Only the file name of {@code fileName} is kept.
     */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    public Path stageUpload(String fileName, byte[] content) {
        String name = Path.of(fileName == null || fileName.isBlank() ? "table.csv" : fileName).getFileName()
                .toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx")) {
            throw new IllegalArgumentException(name + ": the clinical table must be a .csv or .xlsx file");
        }
        try {
            Path dir = dataHome.dir("uploads", UUID.randomUUID().toString());
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), content).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded table: " + e.getMessage(), e);
        }
    }

    /**
     * Imports a dataset and defines its first cohort (version 1, no rules, named like the dataset) with one task
     * per categorical/ordinal OUTCOME column ({@link #defaultTasks}). Refused before anything is written when no
     * outcome column gives a task, and all-or-nothing as a whole (one transaction).
     */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    @Transactional
    public Cohort importWithCohort(ImportRequest request) {
        List<Task> tasks = defaultTasks(request.mapping().variables());
        if (tasks.isEmpty()) {
            throw new ImportValidationException(List.of(new ImportProblem(request.mapping().tableFile(), 1, null,
                    "mark at least one categorical column with two or more categories as the outcome")));
        }
        if (!cohorts.versions(request.datasetName().trim()).isEmpty()) {
            throw new ImportValidationException(List.of(new ImportProblem(request.mapping().tableFile(), null, null,
                    "a cohort named '" + request.datasetName().trim() + "' already exists")));
        }
        Dataset dataset = importer.run(request);
        return cohorts.create(dataset.id(), dataset.name(), "Imported with the import wizard.", List.of(), tasks);
    }

    /**
     * One task per categorical/ordinal OUTCOME variable: two categories → binary (class 1 = the second category,
     * i.e. the positive class when categories are ordered negative first), three or more → multi-class with one
     * class per category. Numeric outcomes give no task (define one on the cohort page).
     */
    public static List<Task> defaultTasks(List<Variable> variables) {
        List<Task> tasks = new ArrayList<>();
        for (Variable v : variables) {
            if (v.role() != VariableRole.OUTCOME || !v.isCategorical() || v.categories().size() < 2) {
                continue;
            }
            List<LabelClass> classes = v.categories().stream().map(c -> new LabelClass(c, List.of(c))).toList();
            String name = v.categories().size() == 2 ? v.name() + ": " + String.join(" vs ", v.categories())
                    : v.name() + ": " + String.join(" / ", v.categories());
            tasks.add(new Task(name, classes.size() == 2 ? TaskKind.BINARY : TaskKind.MULTICLASS, v.name(), classes));
        }
        return tasks;
    }

    @PermitAll
    public Optional<ImportMapping> mapping(String name) {
        return datasets.mapping(name).map(json -> Json.read(json, ImportMapping.class));
    }

    @PermitAll
    public List<String> mappingNames() {
        return datasets.mappingNames();
    }

    /** What the mapping step shows. */
    public record Preview(List<ColumnGuess> columns, List<String> headers, List<List<String>> rows) {
    }
}
