package nodus;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application behind the web app (and behind the database-backed CLI commands, which start it
 * without a web server). Server push is on for live run progress.
 */
@SpringBootApplication
@Push
public class NodusApplication implements AppShellConfigurator {
}
