package nodus.deeplearning.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jakarta.annotation.PreDestroy;
import nodus.deeplearning.run.FineTuneProgressBoard;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.RunEvent;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Live state of runs for open run pages. One timer ticks {@link #TICKS_PER_SECOND} times a second; each watcher is
 * told a new {@link RunSnapshot} only when something changed, so a page gets at most 4 updates a second however
 * fast batches go. Progress comes from the in-process {@link FineTuneProgressBoard} (cheap); the database is read
 * again when a {@link RunEvent} for the run committed, or every {@link #DB_POLL_MILLIS} ms while the run is live
 * (its job may execute on another worker process, whose events do not reach this one).
 */
@Component
public class FineTuneMonitor {

    /** At most this many UI updates a second per run page (issue 7: "a few updates per second"). */
    public static final int TICKS_PER_SECOND = 4;
    static final long DB_POLL_MILLIS = 2000;

    private static final Logger log = LoggerFactory.getLogger(FineTuneMonitor.class);

    private final RunService runs;
    private final FineTuneProgressBoard board;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final Map<Long, Boolean> dirty = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nodus-run-monitor");
        t.setDaemon(true);
        return t;
    });

    FineTuneMonitor(RunService runs, FineTuneProgressBoard board) {
        this.runs = runs;
        this.board = board;
        timer.scheduleWithFixedDelay(this::tick, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    /** The run's state now, read in the caller's security context. */
    public Optional<RunSnapshot> snapshot(long runId) {
        return runs.find(runId).map(run -> new RunSnapshot(run, spec(run), board.current(runId).orElse(null),
                epochs(runs.metrics(runId))));
    }

    /**
     * Calls {@code listener} with the run's snapshot whenever it changes (on the monitor's thread, at most
     * {@value #TICKS_PER_SECOND} times a second), reading as the calling user. Run the returned action to stop.
     */
    public Runnable watch(long runId, Consumer<RunSnapshot> listener) {
        Watch w = new Watch(runId, listener, SecurityContextHolder.getContext());
        watches.add(w);
        return () -> watches.remove(w);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRunEvent(RunEvent event) {
        dirty.put(event.runId(), Boolean.TRUE);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void tick() {
        long now = System.currentTimeMillis();
        for (Watch w : watches) {
            try {
                w.tick(now);
            } catch (RuntimeException e) {
                // One broken page (e.g. a closed UI) must not stop the others' updates.
                log.debug("run monitor: watcher of run {} failed: {}", w.runId, e.toString());
            }
        }
    }

    private final class Watch {
        final long runId;
        final Consumer<RunSnapshot> listener;
        final SecurityContext security;
        Run run;
        FineTuneSpec spec;
        List<EpochMetrics> epochs = List.of();
        long lastRead;
        RunSnapshot sent;

        Watch(long runId, Consumer<RunSnapshot> listener, SecurityContext security) {
            this.runId = runId;
            this.listener = listener;
            this.security = security;
        }

        void tick(long now) {
            boolean live = run == null || !run.status().isTerminal();
            if (run == null || dirty.remove(runId) != null || (live && now - lastRead >= DB_POLL_MILLIS)) {
                SecurityContext before = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(security);
                try {
                    Optional<Run> found = runs.find(runId);
                    if (found.isEmpty()) {
                        return;
                    }
                    run = found.get();
                    if (spec == null) {
                        spec = spec(run);
                    }
                    epochs = epochs(runs.metrics(runId));
                } finally {
                    SecurityContextHolder.setContext(before);
                }
                lastRead = now;
            }
            RunSnapshot s = new RunSnapshot(run, spec, board.current(runId).orElse(null), epochs);
            if (!s.equals(sent)) {
                sent = s;
                listener.accept(s);
            }
        }
    }

    private FineTuneSpec spec(Run run) {
        if (run.kind() != RunKind.FINETUNE) {
            return null;
        }
        try {
            return runs.spec(run.id()).map(FineTuneSpec::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Groups the metric history by epoch (step ≥ 1; step 0 holds run-level values such as "pretrained"). */
    static List<EpochMetrics> epochs(List<MetricPoint> points) {
        Map<Integer, Map<String, Double>> byEpoch = new TreeMap<>();
        for (MetricPoint p : points) {
            if (p.step() >= 1) {
                byEpoch.computeIfAbsent(p.step(), k -> new TreeMap<>()).put(p.key(), p.value());
            }
        }
        List<EpochMetrics> out = new ArrayList<>();
        byEpoch.forEach((e, v) -> out.add(new EpochMetrics(e, v)));
        return out;
    }
}
