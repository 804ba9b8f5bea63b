package nodus.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nodus.cli.HeadlessSpring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default is a file database: users and data survive a restart, and the admin is made only once. */
class RestartKeepsDataTest {

    @TempDir
    Path dataHome;

    private ConfigurableApplicationContext start() {
        return HeadlessSpring.start("nodus.data-home=" + dataHome, "nodus.demo.enabled=false");
    }

    @Test
    void usersAndExperimentsSurviveRestart() throws Exception {
        String firstHash;
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            firstHash = jdbc.sql("select password_hash from app_user where username = 'admin'")
                    .query(String.class).single();
            jdbc.sql("insert into experiment (name, created_by, created_at) values ('kept', 'rita', current_timestamp)")
                    .update();
        }
        if (!nodus.support.TestDatabase.postgres()) { // the embedded default keeps an H2 file in the data home
            assertThat(Files.list(dataHome.resolve("db"))).anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        }
        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1L);
            assertThat(jdbc.sql("select password_hash from app_user where username = 'admin'")
                    .query(String.class).single()).isEqualTo(firstHash);
            assertThat(jdbc.sql("select name from experiment").query(String.class).list()).containsExactly("kept");
        }
    }
}
