package nodus.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ModelArtifactsProvider} wrote: the loader format (how {@code nodus predict} will read it), the
 * preprocessing needed before the model sees an input (e.g. ROI crop, clipping percentiles, input size,
 * normalisation, feature z-scores), and the files.
 */
public record ExportedModel(String format, Map<String, Object> preprocessing, List<Path> files) {
    public ExportedModel {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("an exported model needs its format");
        }
        preprocessing = preprocessing == null ? Map.of() : Map.copyOf(preprocessing);
        files = List.copyOf(files);
    }
}
