package nodus.cohort;

import java.nio.file.Path;

/** What to import: the folder, the new dataset's name, where the data came from, and how to read it. */
public record ImportRequest(Path folder, String datasetName, String source, ImportMapping mapping) {

    public ImportRequest {
        if (folder == null || mapping == null) {
            throw new IllegalArgumentException("an import needs a folder and a mapping");
        }
        if (datasetName == null || datasetName.isBlank()) {
            throw new IllegalArgumentException("an import needs a dataset name");
        }
        folder = folder.toAbsolutePath().normalize();
    }
}
