package nodus.scale;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nodus.base.security.Role;
import nodus.cli.HeadlessSpring;
import nodus.support.FreshDataHome;
import nodus.support.TestDatabase;
import org.jobrunr.storage.StorageProvider;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A scaled-out Nodus for tests: a headless app (every service, the demo cohort, the job scheduler, no local worker)
 * and {@code nodus worker} child JVMs ({@code java -cp <test classpath> nodus.NodusMain worker …}), all on one fresh
 * PostgreSQL database and one data home.
 */
final class WorkerCluster implements AutoCloseable {

    final Path home;
    final String dbUrl;
    final ConfigurableApplicationContext app;
    private final List<Process> workers = new ArrayList<>();

    /** With the small demo cohort the tests use (100 cases of 64 px). */
    WorkerCluster(Path home) {
        this(home, true);
    }

    /** {@code smallDemo} false: the app's own demo cohort, as a user gets it (the benchmark). */
    WorkerCluster(Path home, boolean smallDemo) {
        this.home = home;
        String adminUrl = TestDatabase.requirePostgresUrl();
        this.dbUrl = TestDatabase.freshDatabase(adminUrl,
                "nodus_workers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        List<String> props = new ArrayList<>(List.of("nodus.data-home=" + home, "nodus.db.url=" + dbUrl,
                "nodus.jobs.local-worker=false", "nodus.admin.initial-password=" + FreshDataHome.ADMIN_PASSWORD));
        if (smallDemo) {
            props.addAll(List.of("nodus.demo.cases=100", "nodus.demo.size=64"));
        }
        this.app = HeadlessSpring.start(props.toArray(String[]::new));
        HeadlessSpring.actAs("rita", Role.RESEARCHER_NAME);
    }

    <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    /** Starts a worker process named {@code name} (its output goes to {@code <home>/worker-<name>.log}). */
    Process startWorker(String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 3 GiB heap: DJL's Parameter.save copies each tensor into one Java byte[] (VGG19's classifier.0.weight is
        // 411 MB, and its serialiser copies it again); at -Xmx1g the allocation fails inside DJL's JNI code, which
        // does not check it, and the JVM dies with SIGSEGV while writing VGG19's checkpoint (seen in the benchmark).
        List<String> cmd = List.of(java, "-Xmx3g",
                "-Dnodus.djl.cache=" + Path.of("target", "djl-cache").toAbsolutePath(),
                // dead-worker detection: 5 s heartbeat x 4 = 20 s, the shortest JobRunr 8.4.2 accepts
                "-Djobrunr.background-job-server.poll-interval-in-seconds=5",
                "-Djobrunr.background-job-server.server-timeout-poll-interval-multiplicand=4",
                "-cp", System.getProperty("java.class.path"), "nodus.NodusMain", "worker",
                "--data-home", home.toString(), "--db-url", dbUrl, "--workers", "1", "--name", name);
        Integer threads = Integer.getInteger("nodus.bench.workerThreads");
        if (threads != null) {
            cmd = new ArrayList<>(cmd);
            cmd.add(1, "-Dai.djl.pytorch.num_threads=" + threads); // libtorch intra-op threads of this worker
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve("worker-" + name + ".log").toFile());
        pb.environment().remove("NODUS_TEST_DB");
        Process p = pb.start();
        workers.add(p);
        return p;
    }

    /** Waits until {@code n} background servers have announced themselves in the shared database. */
    void awaitWorkers(int n) {
        StorageProvider storage = bean(StorageProvider.class);
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                .until(() -> storage.getBackgroundJobServers().size() == n);
    }

    @Override
    public void close() {
        workers.forEach(Process::destroyForcibly);
        for (Process p : workers) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        app.close();
    }
}
