package nodus.experiment.jobs;

/** What a finished run leaves besides its metrics and predictions: its provenance, as JSON. */
public record RunOutcome(String provenanceJson) {
    public RunOutcome {
        if (provenanceJson == null || provenanceJson.isBlank()) {
            throw new IllegalArgumentException("a finished run must record its provenance");
        }
    }
}
