package nodus.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nodus.NodusApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application WITHOUT a web server for database-backed commands. */
public final class HeadlessSpring {

    /** Vaadin's and Hilla's auto-configurations need a servlet/web application context, which commands do not have. */
    static final List<String> VAADIN_AUTO_CONFIGURATIONS = List.of(
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.hilla.EndpointController",
            "com.vaadin.hilla.push.PushConfigurer",
            "com.vaadin.hilla.route.RouteUnifyingConfiguration",
            "com.vaadin.hilla.route.RouteUtil",
            "com.vaadin.hilla.signals.config.SignalsConfiguration",
            "com.vaadin.hilla.startup.EndpointRegistryInitializer",
            "com.vaadin.hilla.startup.RouteUnifyingServiceInitListener");

    private HeadlessSpring() {
    }

    public static ConfigurableApplicationContext start(String dataHome, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "warn");
        props.put("spring.main.log-startup-info", "false");
        props.put("spring.autoconfigure.exclude", String.join(",", VAADIN_AUTO_CONFIGURATIONS));
        if (dataHome != null) {
            props.put("nodus.data-home", dataHome);
        }
        props.putAll(extra);
        // As command-line arguments: they override application.properties (builder "properties" would not).
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NodusApplication.class).web(WebApplicationType.NONE).run(args);
    }
}
