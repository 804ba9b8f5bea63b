package nodus.experiment.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ModelArtifactsProvider} wrote: the loader format (the key by which {@code nodus predict} finds its
 * {@link ModelPredictor}), the preprocessing needed before the model sees an input (e.g. ROI crop margin, clipping
 * percentiles, input size, normalisation, feature z-scores) for humans and the manifest, and the files.
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
