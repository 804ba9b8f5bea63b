package nodus.cli;

import java.util.HashMap;
import java.util.Map;
import nodus.NodusApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application WITHOUT a web server for database-backed commands. */
final class HeadlessSpring {

    private HeadlessSpring() {
    }

    static ConfigurableApplicationContext start(String dataHome, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "warn");
        props.put("spring.main.log-startup-info", "false");
        if (dataHome != null) {
            props.put("nodus.data-home", dataHome);
        }
        props.putAll(extra);
        return new SpringApplicationBuilder(NodusApplication.class).web(WebApplicationType.NONE).properties(props)
                .run();
    }
}
