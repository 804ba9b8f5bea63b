package nodus.experiment;

import java.time.Instant;

/**
 * One value of a run's metric history: per-epoch values have step = epoch; final per-part metrics step 0. The
 * time is kept to the millisecond (MLflow's resolution), so the database and the tracking server hold the same
 * timestamp and a repeated delivery sends exactly the same point.
 */
public record MetricPoint(String key, int step, double value, Instant recordedAt) {
    public MetricPoint {
        if (key == null || !key.matches("[A-Za-z0-9_.\\-/ ]{1,200}")) {
            throw new IllegalArgumentException("metric key must be 1–200 letters, digits, _ . - / or space: " + key);
        }
        if (step < 0) {
            throw new IllegalArgumentException("metric step must be ≥ 0, got " + step);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("metric " + key + " must be finite, got " + value);
        }
        recordedAt = recordedAt == null ? null : recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
