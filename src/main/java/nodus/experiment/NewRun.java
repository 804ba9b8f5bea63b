package nodus.experiment;

/**
 * What a researcher asks for when launching a run. {@code specJson} is the full, canonical (sorted keys) spec of
 * the variant; with the cohort version and the split hash it determines the run (its spec hash), so launching the
 * same thing twice finds the existing run instead of recomputing it.
 */
public record NewRun(long experimentId, String name, RunKind kind, String task, String cohortRef, String splitHash,
                     String specJson, Long seed) {
    public NewRun {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("run name must not be blank");
        }
        if (kind == null) {
            throw new IllegalArgumentException("run kind must be given");
        }
        if (specJson == null || specJson.isBlank()) {
            throw new IllegalArgumentException("run spec must be given");
        }
    }
}
