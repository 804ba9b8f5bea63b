package nodus.experiment.compare;

import java.time.Instant;

/** A comparison stored under a stable id: opening {@code compare/<id>} shows exactly this spec to anyone. */
public record SavedComparison(String id, String name, ComparisonSpec spec, String createdBy, Instant createdAt) {
    public SavedComparison {
        if (id == null || id.isBlank() || name == null || name.isBlank() || spec == null) {
            throw new IllegalArgumentException("a saved comparison needs an id, a name and a spec");
        }
    }
}
