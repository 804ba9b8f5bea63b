package nodus.cohort;

import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import nodus.base.security.Role;
import org.springframework.stereotype.Service;

/** One-step imports of public dataset layouts: the dataset and its cohort with the preset's task. */
@Service
public class PresetImportService {

    public static final List<String> PRESETS = List.of(BreastLesionsUsgPreset.NAME);
    private final ImportService imports;
    private final CohortService cohorts;

    PresetImportService(ImportService imports, CohortService cohorts) {
        this.imports = imports;
        this.cohorts = cohorts;
    }

    @RolesAllowed(Role.RESEARCHER_NAME)
    public Cohort importPreset(String preset, Path folder, String name) {
        if (!BreastLesionsUsgPreset.NAME.equals(preset)) {
            throw new IllegalArgumentException("unknown preset '" + preset + "' (known: " + String.join(", ", PRESETS)
                    + ")");
        }
        String datasetName = name == null || name.isBlank() ? "BrEaST-Lesions-USG" : name;
        Dataset dataset = imports.importDataset(BreastLesionsUsgPreset.request(folder, datasetName));
        return cohorts.create(dataset.id(), datasetName, "All BrEaST-Lesions-USG cases with a classification.",
                BreastLesionsUsgPreset.rules(), BreastLesionsUsgPreset.tasks());
    }
}
