package nodus.experiment;

import java.time.Instant;

/** One value of a run's metric history: per-epoch values have step = epoch; final per-part metrics step 0. */
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
    }
}
