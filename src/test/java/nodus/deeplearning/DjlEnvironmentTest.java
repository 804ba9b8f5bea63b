package nodus.deeplearning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The engine cache is under the configured folder and DJL runs offline. */
class DjlEnvironmentTest {

    @Test
    void cacheUnderConfiguredFolderAndOffline() {
        TestSupport.djl();
        Path dir = Path.of(System.getProperty("DJL_CACHE_DIR"));
        assertThat(dir).isEqualTo(Path.of("target", "djl-cache").toAbsolutePath().normalize());
        assertThat(System.getProperty("ENGINE_CACHE_DIR")).isEqualTo(dir.toString());
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(dir.resolve("pytorch")).isDirectory();
        // A later call with another folder cannot move a cache DJL has already read.
        assertThat(DjlEnvironment.configure(Path.of("elsewhere"))).isEqualTo(dir);
    }
}
