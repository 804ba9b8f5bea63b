package nodus.experiment.model;

import java.io.IOException;
import java.nio.file.Path;
import nodus.experiment.Run;
import nodus.experiment.RunKind;

/**
 * Writes a run's model files (weights, fitted preprocessing) for the registry export — implemented as a Spring
 * bean by the feature that trains that kind of run ({@code classical}: RADIOMICS, CLINICAL, COMBINED;
 * {@code deeplearning}: FINETUNE). It lives here, in {@code experiment}, because those features may not import
 * {@code registry} (docs/architecture.md); the registry collects every bean of this type.
 *
 * <p>Without a provider for a run's kind, or when the provider throws {@link ModelUnavailableException}, the export
 * still writes manifest, card and predictions and says why the weights are absent. When several beans serve the
 * same kind, the one ordered last wins (the production beans carry {@code @Order(0)}, so a test's stand-in without
 * an order replaces them).
 */
public interface ModelArtifactsProvider {

    /** The run kind this provider exports. */
    RunKind kind();

    /**
     * Writes the model files of {@code run} into {@code modelDir} (an empty folder) and describes them. The files
     * must be enough for {@link ModelPredictor} of the returned format to predict a new case without the database.
     *
     * @return the format (e.g. {@code nodus-classical/1}, {@code nodus-finetune/1}), the preprocessing a later
     *     loader must repeat, and the files written (all under {@code modelDir})
     * @throws ModelUnavailableException when this run's model cannot be exported (e.g. its checkpoint is gone)
     */
    ExportedModel export(Run run, Path modelDir) throws IOException;
}
