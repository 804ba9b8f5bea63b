package nodus.registry;

import java.time.Instant;
import java.util.List;
import nodus.experiment.CasePrediction;
import nodus.experiment.Run;

/** Everything the export reads about a run, gathered once. */
record ExportInput(String modelName, int version, Run run, String experimentName, String specJson,
                   String provenanceJson, Long seed, List<CasePrediction> predictions, FinalMetrics metrics,
                   String exportedBy, Instant exportedAt) {
}
