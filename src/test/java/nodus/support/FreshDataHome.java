package nodus.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A new, empty data home per test class, so tests start like a fresh install and never share a database (H2 in the
 * data home, or with {@code NODUS_TEST_DB=postgres} a fresh PostgreSQL database, see {@link TestDatabase}).
 */
public final class FreshDataHome {

    public static final String ADMIN_PASSWORD = "admin-test-password";

    /** Name prefix of the data homes made here; {@link TestDataHomeJanitor} deletes them when their context closes. */
    static final String PREFIX = "nodus-test-home";

    private FreshDataHome() {
    }

    /** A fresh data home with the job engine's worker off (tests drive runs themselves). */
    public static Path register(DynamicPropertyRegistry registry) {
        Path dir = registerWithJobs(registry);
        registry.add("jobrunr.background-job-server.enabled", () -> "false");
        return dir;
    }

    /** A fresh data home with the job engine's worker on: launched runs execute in the background. */
    public static Path registerWithJobs(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory(PREFIX);
            registry.add("nodus.data-home", dir::toString);
            registry.add("nodus.admin.initial-password", () -> ADMIN_PASSWORD);
            if (TestDatabase.postgres()) {
                // NODUS_TEST_DB=postgres: a new PostgreSQL database of its own instead of H2 in the data home
                registry.add("spring.datasource.url", () -> TestDatabase.urlForDataHome(dir));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Like {@link #register}, but on PostgreSQL whenever a test cluster is configured ({@code NODUS_TEST_PG_URL}),
     * also in the default H2 suite — for tests whose point is PostgreSQL's behaviour (concurrency).
     */
    public static Path registerPreferPostgres(DynamicPropertyRegistry registry) {
        Path dir = register(registry);
        if (!TestDatabase.postgres() && TestDatabase.postgresConfigured()) {
            registry.add("spring.datasource.url", () -> TestDatabase.urlForDataHome(dir));
        }
        return dir;
    }
}
