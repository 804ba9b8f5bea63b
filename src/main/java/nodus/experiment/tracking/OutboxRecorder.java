package nodus.experiment.tracking;

import java.util.ArrayList;
import java.util.List;
import nodus.experiment.MetricPoint;
import nodus.experiment.RunEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each {@link RunEvent} into an outbox entry. A plain {@code @EventListener} runs in the publisher's thread
 * and transaction, so an entry exists exactly when the run's change was committed (and is rolled back with it).
 * Metric points carry their timestamps (ms) so that a repeated delivery sends identical values.
 */
@Component
class OutboxRecorder {

    private final TrackingService tracking;

    OutboxRecorder(TrackingService tracking) {
        this.tracking = tracking;
    }

    @EventListener
    void on(RunEvent event) {
        // Java 17: no pattern switch; the interface is sealed, so these five cases are all there are.
        if (event instanceof RunEvent.Created e) {
            tracking.record(e.runId(), EntryKind.CREATED, null);
        } else if (event instanceof RunEvent.Started e) {
            tracking.record(e.runId(), EntryKind.STARTED, null);
        } else if (event instanceof RunEvent.MetricsLogged e) {
            tracking.record(e.runId(), EntryKind.METRICS, metrics(e.points()));
        } else if (event instanceof RunEvent.PredictionsSaved e) {
            tracking.record(e.runId(), EntryKind.PREDICTIONS, null);
        } else if (event instanceof RunEvent.Ended e) {
            tracking.record(e.runId(), EntryKind.ENDED, e.status().name());
        }
    }

    static String metrics(List<MetricPoint> points) {
        List<Object[]> rows = new ArrayList<>(points.size());
        for (MetricPoint p : points) {
            rows.add(new Object[] {p.key(), p.step(), p.value(), p.recordedAt().toEpochMilli()});
        }
        return TrackingService.json(rows);
    }
}
