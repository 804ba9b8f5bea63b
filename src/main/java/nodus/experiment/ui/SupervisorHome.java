package nodus.experiment.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.base.ui.HomeView;
import org.springframework.stereotype.Component;

/**
 * Makes the dashboard the supervisor's home: "/" is rerouted to {@link DashboardView} for SUPERVISOR users
 * (the base package's home view knows no feature, so the redirect lives here).
 */
@Component
class SupervisorHome implements VaadinServiceInitListener {

    private final CurrentUser user;

    SupervisorHome(CurrentUser user) {
        this.user = user;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            if (enter.getNavigationTarget() == HomeView.class && user.hasRole(Role.SUPERVISOR)) {
                enter.rerouteTo(DashboardView.class);
            }
        }));
    }
}
