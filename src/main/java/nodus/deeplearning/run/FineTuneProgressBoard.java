package nodus.deeplearning.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import nodus.deeplearning.training.TrainingProgress;
import org.springframework.stereotype.Component;

/**
 * The live progress of the fine-tuning runs executing in this process (epoch, batch, ETA), for the run page:
 * poll {@link #current} or {@link #subscribe} for every batch (a UI should throttle to a few updates a second).
 * Per-epoch metrics go to the run's metric history instead ({@code RunService.metrics}).
 */
@Component
public class FineTuneProgressBoard {

    private final Map<Long, TrainingProgress> current = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<BiConsumer<Long, TrainingProgress>> listeners = new CopyOnWriteArrayList<>();

    /** The latest progress of a run executing here, if any. */
    public Optional<TrainingProgress> current(long runId) {
        return Optional.ofNullable(current.get(runId));
    }

    /** Calls {@code listener(runId, progress)} after every batch of every run, on the training thread. */
    public Runnable subscribe(BiConsumer<Long, TrainingProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(long runId, TrainingProgress p) {
        current.put(runId, p);
        for (BiConsumer<Long, TrainingProgress> l : listeners) {
            try {
                l.accept(runId, p);
            } catch (RuntimeException e) {
                // A broken UI listener must not stop a training.
            }
        }
    }

    void done(long runId) {
        current.remove(runId);
    }
}
