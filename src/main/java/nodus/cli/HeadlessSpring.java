package nodus.cli;

import java.util.ArrayList;
import java.util.List;
import nodus.NodusApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Starts Nodus's services without the web server and without Vaadin, for commands that need the database
 * (import, run, worker, …). Vaadin's auto-configuration requires a web application context, so it is excluded.
 */
public final class HeadlessSpring {

    private static final String VAADIN_AUTOCONFIGURATIONS = String.join(",",
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig");

    private HeadlessSpring() {
    }

    /**
     * @param properties extra {@code name=value} properties, e.g. {@code nodus.data-home=/data}
     */
    public static ConfigurableApplicationContext start(String... properties) {
        // Given as command-line arguments, which take precedence over application.properties.
        List<String> args = new ArrayList<>(List.of(
                "--spring.autoconfigure.exclude=" + VAADIN_AUTOCONFIGURATIONS,
                "--logging.level.root=warn",
                "--logging.level.nodus=info"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(NodusApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /** Starts with a data home (null: the configured default) and extra properties. */
    public static ConfigurableApplicationContext start(String dataHome, java.util.Map<String, Object> extra) {
        List<String> properties = new ArrayList<>();
        if (dataHome != null) {
            properties.add("nodus.data-home=" + dataHome);
        }
        extra.forEach((key, value) -> properties.add(key + "=" + value));
        return start(properties.toArray(String[]::new));
    }

    /** Runs the command's service calls as a named command-line user with the given role (e.g. RESEARCHER). */
    public static void actAs(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }
}
