package nodus.experiment;

import java.time.Instant;

/** A named study: a set of runs compared together (one MLflow experiment). */
public record Experiment(long id, String name, String description, String createdBy, Instant createdAt) {
    public Experiment {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("experiment name must not be blank");
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("experiment name must have at most 200 characters");
        }
    }
}
