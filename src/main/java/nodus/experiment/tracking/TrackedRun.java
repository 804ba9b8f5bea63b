package nodus.experiment.tracking;

import java.time.Instant;
import nodus.experiment.Run;

/**
 * What the backend needs to create a run: the Nodus run, its experiment's name, its spec, and {@code key} — the
 * installation key and run id — which identifies the remote run so a retried create finds it.
 */
public record TrackedRun(Run run, String experimentName, String specJson, String key, String nodusVersion,
                         String gitCommit) {
    public TrackedRun {
        if (run == null || experimentName == null || key == null) {
            throw new IllegalArgumentException("a tracked run needs the run, its experiment name and its key");
        }
    }

    public Instant startTime() {
        return run.startedAt() != null ? run.startedAt() : run.createdAt();
    }
}
