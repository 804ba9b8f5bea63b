package nodus.classical.run;

import java.util.Map;
import nodus.classical.DeepFeatureSource;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;

/** The deep features a FINETUNE run stored per case (RunService.caseFeatures), as a {@link DeepFeatureSource}. */
final class RunDeepFeatures implements DeepFeatureSource {

    private final long runId;
    private final Map<String, float[]> vectors;
    private final int dimension;

    RunDeepFeatures(long runId, Map<String, float[]> vectors, StudyData data) {
        this.runId = runId;
        this.vectors = Map.copyOf(vectors);
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " stored no per-case deep features");
        }
        this.dimension = vectors.values().iterator().next().length;
        for (StudyCase c : data.cases()) {
            if (!vectors.containsKey(c.caseId())) {
                throw new IllegalArgumentException("run " + runId + " has no deep features for case " + c.caseId());
            }
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double[] features(String caseId) {
        float[] f = vectors.get(caseId);
        if (f == null) {
            throw new IllegalArgumentException("run " + runId + " has no deep features for case " + caseId);
        }
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
