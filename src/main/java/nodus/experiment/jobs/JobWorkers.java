package nodus.experiment.jobs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nodus.experiment.RunService;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Service;

/**
 * The job engine's workers as the supervisor sees them: every JobRunr background server announced in the shared
 * database (the web app's own, if it runs one, and each {@code nodus worker}), with its load. Read from JobRunr's
 * storage — the engine keeps this table itself (heartbeats every poll interval; servers that time out are removed).
 */
@Service
public class JobWorkers {

    private final StorageProvider storage;
    private final RunService runs;

    JobWorkers(StorageProvider storage, RunService runs) {
        this.storage = storage;
        this.runs = runs;
    }

    /** Live workers, oldest first (the first is JobRunr's master, which also finds dead workers' jobs). */
    public List<WorkerStatus> list() {
        Map<String, Long> running = runs.runningPerWorker();
        return storage.getBackgroundJobServers().stream()
                .sorted(Comparator.comparing(BackgroundJobServerStatus::getFirstHeartbeat))
                .map(s -> new WorkerStatus(s.getId().toString(), s.getName(), s.getWorkerPoolSize(), s.isRunning(),
                        s.getFirstHeartbeat(), s.getLastHeartbeat(), s.getProcessCpuLoad(), s.getSystemCpuLoad(),
                        s.getProcessAllocatedMemory(), running.getOrDefault(s.getId().toString(), 0L).intValue()))
                .toList();
    }
}
