package nodus.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Which database the test suite runs against. Default: H2 in each test's data home (as a fresh install).
 * With {@code NODUS_TEST_DB=postgres} and {@code NODUS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:PORT/postgres?user=…}
 * (a throw-away cluster, see {@code .ci/postgres.sh}), every Spring context that would open the default H2 file
 * database of a data home gets instead a PostgreSQL database of its own, named after that data home — so each
 * {@link FreshDataHome} test and each command-line test (fresh {@code --data-home}) starts on an empty database,
 * and a restart on the same data home finds its data again. Contexts given an explicit {@code nodus.db.url} are
 * left alone.
 *
 * <p>Registered as a Spring Boot {@link EnvironmentPostProcessor} in {@code src/test/resources/META-INF/spring.factories},
 * so it applies to {@code @SpringBootTest}s and to {@code HeadlessSpring} started from tests alike.
 */
public final class TestDatabase implements EnvironmentPostProcessor, Ordered {

    private static final Pattern PG_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

    /** True when the suite runs against PostgreSQL ({@code NODUS_TEST_DB=postgres}). */
    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(setting("NODUS_TEST_DB"));
    }

    /** True when a test PostgreSQL cluster is configured ({@code NODUS_TEST_PG_URL} set). */
    public static boolean postgresConfigured() {
        String url = setting("NODUS_TEST_PG_URL");
        return url != null && !url.isBlank();
    }

    /**
     * The admin JDBC URL of the test PostgreSQL cluster ({@code NODUS_TEST_PG_URL}); skips the calling test when
     * absent, unless {@code NODUS_REQUIRE_POSTGRES=true}, in which case it fails.
     */
    public static String requirePostgresUrl() {
        String url = setting("NODUS_TEST_PG_URL");
        boolean present = url != null && !url.isBlank() && reachable(url);
        if (!present && Boolean.parseBoolean(setting("NODUS_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException("NODUS_REQUIRE_POSTGRES=true but no reachable PostgreSQL at "
                    + "NODUS_TEST_PG_URL=" + url + " (start one with .ci/postgres.sh start DIR)");
        }
        Assumptions.assumeTrue(present, "skipped: no PostgreSQL (set NODUS_TEST_PG_URL, e.g. from "
                + ".ci/postgres.sh start DIR)");
        return url;
    }

    /** Creates a new, empty database on the test cluster and returns its JDBC URL. */
    public static String freshDatabase(String adminUrl, String name) {
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("NODUS_TEST_PG_URL is not a jdbc:postgresql://host:port/db URL: "
                    + adminUrl);
        }
        try (Connection c = DriverManager.getConnection(adminUrl);
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " at " + adminUrl, e);
        }
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!postgres()) {
            return;
        }
        String url = env.getProperty("spring.datasource.url", "");
        String home = env.getProperty("nodus.data-home");
        if (!url.startsWith("jdbc:h2:file:") || home == null) {
            return;
        }
        // Many cached test contexts are alive at once: keep each pool small so the cluster's connections suffice.
        env.getPropertySources().addFirst(new MapPropertySource("nodus-test-postgres", Map.of(
                "spring.datasource.url", urlForDataHome(Path.of(home)),
                "spring.datasource.hikari.maximum-pool-size", "6",
                "spring.datasource.hikari.minimum-idle", "0")));
    }

    /** The PostgreSQL database of a data home (created empty on first use); only with {@link #postgres()}. */
    public static String urlForDataHome(Path home) {
        String adminUrl = setting("NODUS_TEST_PG_URL");
        if (adminUrl == null || adminUrl.isBlank()) {
            throw new IllegalStateException("NODUS_TEST_DB=postgres needs NODUS_TEST_PG_URL");
        }
        String name = "nodus_" + sha256(home.toAbsolutePath().normalize().toString()).substring(0, 20);
        return freshDatabase(adminUrl, name);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    private static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
