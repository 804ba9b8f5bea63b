package nodus.registry;

import java.io.IOException;
import java.nio.file.Path;
import nodus.experiment.Run;
import nodus.experiment.RunKind;

/**
 * Writes a run's model files (weights, preprocessing) for the export — implemented as a Spring bean by the
 * feature that trains that kind of run (DJL weights in {@code deeplearning}, Tribuo models in {@code classical}).
 * Without a provider for a run's kind the export still writes manifest, card and predictions and says the weights
 * are absent.
 */
public interface ModelArtifactsProvider {

    /** The run kind this provider exports. */
    RunKind kind();

    /**
     * Writes the model files of {@code run} into {@code modelDir} (an empty folder) and describes them.
     *
     * @return the format (e.g. {@code djl-pytorch}, {@code tribuo}), the preprocessing a later loader must repeat,
     *     and the files written (all under {@code modelDir})
     */
    ExportedModel export(Run run, Path modelDir) throws IOException;
}
