package nodus.cohort;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import org.springframework.stereotype.Service;

/**
 * Importing datasets (researchers only, checked on every call): preview with type detection, saved mappings, and
 * the all-or-nothing import itself (see {@link DatasetImporter}).
 */
@Service
public class ImportService {

    private final DatasetImporter importer;
    private final DatasetRepository datasets;
    private final CurrentUser currentUser;

    ImportService(DatasetImporter importer, DatasetRepository datasets, CurrentUser currentUser) {
        this.importer = importer;
        this.datasets = datasets;
        this.currentUser = currentUser;
    }

    /** The table's columns with detected types, and its first rows, for the mapping step. */
    @RolesAllowed(Role.RESEARCHER_NAME)
    public Preview preview(Path tableFile, int rows) {
        ClinicalTable table = TableReader.read(tableFile);
        return new Preview(TypeDetector.detect(table), table.headers(),
                table.rows().subList(0, Math.min(rows, table.rows().size())));
    }

    /** Validates and imports; throws {@link ImportValidationException} listing every problem (nothing written). */
    @RolesAllowed(Role.RESEARCHER_NAME)
    public Dataset importDataset(ImportRequest request) {
        return importer.run(request);
    }

    /** Validation only: every problem, empty when the import would succeed. */
    @RolesAllowed(Role.RESEARCHER_NAME)
    public List<ImportProblem> validate(ImportRequest request) {
        return ImportValidator.validate(request).problems();
    }

    @RolesAllowed(Role.RESEARCHER_NAME)
    public void saveMapping(String name, ImportMapping mapping) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a saved mapping needs a name");
        }
        datasets.saveMapping(name.trim(), Json.write(mapping), currentUser.name());
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
