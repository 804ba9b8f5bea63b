package nodus.cohort.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.cohort.BaselineService;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Dataset;
import nodus.cohort.Rule;
import nodus.cohort.SplitService;
import nodus.cohort.Task;

/** One cohort version: dataset and provenance, rules, tasks with class counts, cases, splits, Table 1, heat map. */
@Route("cohort")
@PageTitle("Cohort · Nodus")
@PermitAll
public class CohortView extends VerticalLayout implements HasUrlParameter<Long> {

    private final CohortService cohorts;
    private final SplitService splits;
    private final BaselineService baseline;
    private final boolean researcher;

    public CohortView(CohortService cohorts, SplitService splits, BaselineService baseline, CurrentUser user) {
        this.cohorts = cohorts;
        this.splits = splits;
        this.baseline = baseline;
        this.researcher = user.hasRole(Role.RESEARCHER);
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        Cohort cohort = cohorts.find(id).orElse(null);
        H2 heading = new H2(cohort == null ? "Cohort not found" : "Cohort: " + cohort.ref());
        heading.setId("view-heading");
        add(heading);
        if (cohort == null) {
            return;
        }
        Dataset dataset = cohorts.dataset(cohort.datasetId());
        Paragraph source = new Paragraph("Dataset " + dataset.name() + " — " + dataset.source() + ". "
                + dataset.provenance());
        source.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(source);
        if (cohort.description() != null) {
            add(new Paragraph(cohort.description()));
        }
        add(versions(cohort));
        add(summary(cohort));
        Table1Panel table1 = new Table1Panel(cohort, splits, baseline);
        SplitsPanel splitsPanel = new SplitsPanel(cohort, dataset, splits, researcher, table1::refreshSplits);
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.setId("cohort-tabs");
        tabs.add("Cases", new CasesPanel(cohort, dataset, cohorts));
        tabs.add("Splits", splitsPanel);
        tabs.add("Table 1", table1);
        tabs.add("Correlation", new HeatMapPanel(baseline.correlation(cohort.id())));
        if (researcher) {
            tabs.add("Rules & tasks", new DefinitionEditor(cohort, dataset, cohorts));
        }
        add(tabs);
    }

    /** Links to every version of this cohort: changes make new versions; old ones stay for their runs. */
    private Div versions(Cohort cohort) {
        Div div = new Div(new com.vaadin.flow.component.html.Span("Versions: "));
        div.setId("cohort-versions");
        div.getStyle().set("font-size", "var(--lumo-font-size-s)");
        for (Cohort v : cohorts.versions(cohort.name())) {
            if (v.id() == cohort.id()) {
                div.add(new com.vaadin.flow.component.html.Span("v" + v.version() + " (this) "));
            } else {
                com.vaadin.flow.router.RouterLink link = new com.vaadin.flow.router.RouterLink("v" + v.version(),
                        CohortView.class, v.id());
                link.getStyle().set("margin-right", "0.5em");
                div.add(link);
            }
        }
        return div;
    }

    private Div summary(Cohort cohort) {
        UnorderedList rules = new UnorderedList();
        rules.setId("cohort-rules");
        if (cohort.rules().isEmpty()) {
            rules.add(new ListItem("all cases of the dataset"));
        }
        for (Rule r : cohort.rules()) {
            rules.add(new ListItem(r.describe()));
        }
        UnorderedList tasks = new UnorderedList();
        tasks.setId("cohort-tasks");
        for (Task t : cohort.tasks()) {
            Map<Long, Integer> labels = cohorts.labels(cohort.id(), t.name());
            long[] counts = new long[t.classes().size()];
            labels.values().forEach(l -> counts[l]++);
            StringBuilder text = new StringBuilder(t.name() + " (" + t.kind().name().toLowerCase().replace('_', ' ')
                    + " on " + t.column() + "): ");
            for (int k = 0; k < counts.length; k++) {
                text.append(k > 0 ? ", " : "").append(t.classes().get(k).name()).append(' ').append(counts[k]);
            }
            tasks.add(new ListItem(text.toString()));
        }
        Div div = new Div(new Paragraph("Rules"), rules, new Paragraph("Tasks"), tasks);
        div.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return div;
    }
}
