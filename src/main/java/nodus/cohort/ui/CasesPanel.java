package nodus.cohort.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.List;
import nodus.cohort.CaseImage;
import nodus.cohort.ClinicalCase;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Dataset;
import nodus.cohort.Variable;

/** The cases of a cohort in a lazy grid, with a thumbnail of the image and its mask outline. */
class CasesPanel extends Grid<ClinicalCase> {

    private static final int THUMB = 72;

    CasesPanel(Cohort cohort, Dataset dataset, CohortService cohorts) {
        super(ClinicalCase.class, false);
        setId("case-grid");
        addComponentColumn(c -> thumbnail(cohorts, dataset, c)).setHeader("Image").setWidth("96px").setFlexGrow(0);
        addColumn(ClinicalCase::caseKey).setHeader("Case").setAutoWidth(true);
        addColumn(ClinicalCase::patientKey).setHeader("Patient").setAutoWidth(true);
        for (var task : cohort.tasks().subList(0, 1)) {
            addColumn(c -> {
                int label = task.label(c);
                return label < 0 ? "–" : task.classes().get(label).name();
            }).setHeader(task.name()).setAutoWidth(true);
        }
        List<Variable> shown = dataset.predictors().stream().limit(6).toList();
        for (Variable v : shown) {
            addColumn(c -> c.value(v.name()) == null ? "" : c.value(v.name())).setHeader(v.name()).setAutoWidth(true);
        }
        int total = cohorts.cases(cohort.id()).size();
        setItems(query -> cohorts.casesPage(cohort.id(), query.getOffset(), query.getLimit()).stream(), query -> total);
        setHeight("32em");
    }

    private static com.vaadin.flow.component.Component thumbnail(CohortService cohorts, Dataset dataset, ClinicalCase c) {
        if (c.images().isEmpty()) {
            return new Span("no image");
        }
        CaseImage image = c.images().get(0);
        StreamResource resource = new StreamResource(c.caseKey() + ".png",
                () -> new ByteArrayInputStream(cohorts.thumbnail(dataset.id(), image, THUMB)));
        Image img = new Image(resource, "case " + c.caseKey() + (image.hasMask() ? " with lesion outline" : ""));
        img.setWidth(THUMB + "px");
        return img;
    }
}
