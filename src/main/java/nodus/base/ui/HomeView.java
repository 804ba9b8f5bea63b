package nodus.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The home dashboard. Until there is work to summarise it says how a study is done in Nodus. */
@Route("")
@PageTitle("Home · Nodus")
@Menu(title = "Home", order = 0)
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView() {
        H2 heading = new H2("Home");
        heading.setId("view-heading");
        add(heading, new Paragraph("Nodus compares CNN backbones, radiomics and clinical models on medical images, "
                + "with paper-grade statistics and experiment tracking."));
        OrderedList steps = new OrderedList(
                step("Open the demo cohort or import your images, masks and clinical table", "cohorts"),
                step("Create a stratified split and check its baseline table (Table 1)", "cohorts"),
                step("Launch fine-tuning, radiomics, clinical and combined runs in an experiment", "experiments"),
                step("Compare the runs: AUC with CI, DeLong tests, ROC, decision and calibration curves", "compare"),
                step("Export the approved model to the registry", "registry"));
        add(new EmptyState("Start a study", "Nothing has run yet. These are the steps:", steps));
    }

    private static ListItem step(String text, String route) {
        return new ListItem(new Anchor(route, text));
    }
}
