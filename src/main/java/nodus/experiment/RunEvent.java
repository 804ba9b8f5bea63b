package nodus.experiment;

import java.util.List;

/**
 * What happened to a run, published inside the transaction that recorded it. Listeners that mirror runs elsewhere
 * (the MLflow outbox) record these in the same transaction, so nothing is tracked that was not stored, and
 * nothing stored is lost when the tracking server is down.
 */
public sealed interface RunEvent {

    long runId();

    record Created(long runId) implements RunEvent {
    }

    record Started(long runId) implements RunEvent {
    }

    record MetricsLogged(long runId, List<MetricPoint> points) implements RunEvent {
    }

    record PredictionsSaved(long runId, int count) implements RunEvent {
    }

    record Ended(long runId, RunStatus status) implements RunEvent {
    }
}
