package nodus.experiment.jobs;

import java.time.Instant;

/**
 * One job-engine worker (a JobRunr background server) and its load.
 *
 * @param id               JobRunr's server UUID (recorded on the runs it executes)
 * @param name             host:pid, or the worker's --name
 * @param threads          runs it executes at once (worker count)
 * @param processing       false while paused
 * @param cpuLoad          the worker process's CPU load, 0–1 (JobRunr's figure; null if unknown)
 * @param systemCpuLoad    the machine's CPU load, 0–1 (null if unknown)
 * @param allocatedMemory  bytes allocated by the worker's JVM (null if unknown)
 * @param runningRuns      runs currently RUNNING on it (from the run table)
 */
public record WorkerStatus(String id, String name, int threads, boolean processing, Instant since,
                           Instant lastHeartbeat, Double cpuLoad, Double systemCpuLoad, Long allocatedMemory,
                           int runningRuns) {
}
