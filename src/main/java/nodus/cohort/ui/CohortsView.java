package nodus.cohort.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nodus.base.ui.EmptyState;

@Route("cohorts")
@PageTitle("Cohorts · Nodus")
@Menu(title = "Cohorts", order = 10)
@PermitAll
public class CohortsView extends VerticalLayout {

    public CohortsView() {
        H2 heading = new H2("Cohorts");
        heading.setId("view-heading");
        add(heading, new EmptyState("No cohorts yet",
                "A cohort is a dataset (images, lesion masks, clinical table) with inclusion rules and a task. "
                        + "Import one with `java -jar target/nodus.jar import …`."));
    }
}
