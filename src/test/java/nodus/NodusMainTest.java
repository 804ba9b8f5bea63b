package nodus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodusMainTest {

    @Test
    void propertyOverridesStartTheWebAppAndCommandsDoNot() {
        assertThat(NodusMain.startsWebApp()).isTrue();
        assertThat(NodusMain.startsWebApp("--server.port=9090", "--nodus.data-home=/data")).isTrue();
        assertThat(NodusMain.startsWebApp("--help")).isFalse();
        assertThat(NodusMain.startsWebApp("evaluate", "--predictions", "a.csv")).isFalse();
        assertThat(NodusMain.startsWebApp("--server.port=9090", "import")).isFalse();
    }
}
