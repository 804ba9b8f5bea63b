package nodus.cli;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nodus worker}: a job-engine worker without the web UI. It starts only JobRunr's background server against
 * the shared database (NODUS_DB_URL, PostgreSQL) and the shared data home, and executes queued runs until stopped
 * (Ctrl-C / SIGTERM finish cleanly; a killed worker's run is resumed by another worker after the server timeout).
 * Distribution, locking and failure detection are JobRunr's: one storage, many background servers
 * (docs/deployment.md).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Execute queued runs from the shared database (no web UI); see docs/deployment.md.")
public final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-home", description = "shared data home (default: NODUS_DATA_HOME or ./nodus-data)")
    Path dataHome;

    @Option(names = "--db-url", description = "shared database JDBC URL (default: NODUS_DB_URL)")
    String dbUrl;

    @Option(names = "--workers", defaultValue = "1",
            description = "runs executed at once by this worker (default ${DEFAULT-VALUE}; a fine-tuning run uses "
                    + "every core)")
    int workers;

    @Option(names = "--name", description = "worker name shown in the UI (default: host:pid)")
    String name;

    @Option(names = "--only", split = ",", paramLabel = "KIND",
            description = "only these run kinds (finetune, radiomics, clinical, combined) — not available with "
                    + "the open-source job engine, see docs/decisions/0003-worker-run-kind-filter.md")
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
        }
        if (!only.isEmpty()) {
            // JobRunr OSS has no queues or server tags (JobRunr Pro has): refuse rather than pretend to filter.
            throw new IllegalArgumentException("--only " + String.join(",", only) + ": JobRunr OSS cannot route "
                    + "run kinds to workers; see docs/decisions/0003-worker-run-kind-filter.md");
        }
        List<String> props = new ArrayList<>(List.of(
                "jobrunr.background-job-server.enabled=true",
                "nodus.jobs.workers=" + workers,
                "jobrunr.background-job-server.name=" + (name != null ? name : defaultName()),
                // the web app creates the demo cohort (in the shared data home); a worker only executes runs
                "nodus.demo.enabled=false"));
        if (dataHome != null) {
            props.add("nodus.data-home=" + dataHome.toAbsolutePath());
        }
        if (dbUrl != null) {
            props.add("nodus.db.url=" + dbUrl);
        }
        ConfigurableApplicationContext ctx = HeadlessSpring.start(props.toArray(String[]::new));
        String url = ctx.getEnvironment().getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            ctx.close();
            throw new IllegalArgumentException("a worker needs the shared database (NODUS_DB_URL or --db-url "
                    + "jdbc:postgresql://…), not the embedded H2 database " + url);
        }
        CountDownLatch closed = new CountDownLatch(1);
        ctx.addApplicationListener((ContextClosedEvent e) -> closed.countDown());
        spec.commandLine().getOut().println("nodus worker " + ctx.getEnvironment()
                .getProperty("jobrunr.background-job-server.name") + ": " + workers + " worker thread(s) on "
                + url.replaceAll("password=[^&]*", "password=***") + "; stop with Ctrl-C");
        closed.await(); // Spring's shutdown hook closes the context on SIGTERM / Ctrl-C
        return 0;
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
