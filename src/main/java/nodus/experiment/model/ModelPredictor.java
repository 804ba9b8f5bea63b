package nodus.experiment.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Loads the {@code model/} folder of an export (see {@link ModelArtifactsProvider}) and predicts a new case, with
 * no database and no Spring context: what {@code nodus predict} runs. Implementations live next to their
 * provider (classical, deeplearning) and are found with {@link ServiceLoader} through
 * {@code META-INF/services/nodus.experiment.model.ModelPredictor}, keyed by the manifest's {@code model.format}.
 */
public interface ModelPredictor {

    /** The export format this predictor reads, e.g. {@code nodus-classical/1}. */
    String format();

    /**
     * @param modelDir the export's {@code model/} folder
     * @throws IllegalArgumentException naming the missing or bad input (file, column, value)
     */
    ModelPrediction predict(Path modelDir, PredictionInput input) throws IOException;

    /** The predictor for {@code format} among those on the class path. */
    static ModelPredictor forFormat(String format) {
        List<ModelPredictor> all = ServiceLoader.load(ModelPredictor.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        return all.stream().filter(p -> p.format().equals(format)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no loader for model format '" + format
                        + "' (known: " + all.stream().map(ModelPredictor::format).toList() + ")"));
    }
}
