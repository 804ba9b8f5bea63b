package nodus.registry.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nodus.base.ui.EmptyState;

@Route("registry")
@PageTitle("Registry · Nodus")
@Menu(title = "Registry", order = 50)
@PermitAll
public class RegistryView extends VerticalLayout {

    public RegistryView() {
        H2 heading = new H2("Registry");
        heading.setId("view-heading");
        add(heading, new EmptyState("No registered models yet",
                "A model lands here when a supervisor approves a run and it is exported to model-registry/ "
                        + "(and to MLflow's Model Registry when MLflow is configured)."));
    }
}
