package nodus.experiment.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nodus.base.ui.EmptyState;

@Route("compare")
@PageTitle("Compare · Nodus")
@Menu(title = "Compare", order = 40)
@PermitAll
public class CompareView extends VerticalLayout {

    public CompareView() {
        H2 heading = new H2("Compare");
        heading.setId("view-heading");
        add(heading, new EmptyState("Nothing to compare yet",
                "When an experiment has finished runs, choose them here to see the AUC table with 95% CIs, "
                        + "DeLong tests, and ROC, decision and calibration curves for training, validation and test."));
    }
}
