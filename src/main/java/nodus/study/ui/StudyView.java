package nodus.study.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nodus.study.StudyProgress;
import nodus.study.StudyRun;
import nodus.study.StudyService;
import nodus.study.StudyStatus;

/**
 * One study: its overall progress (runs settled / planned, by state), every planned run with its state and wall
 * time, the failures with their reasons, the spec as YAML, and — once it has ended — a link to each task's
 * comparison. Refreshes itself every second while the study runs, and stops once it has ended.
 */
@Route("study")
@PageTitle("Study · Nodus")
@PermitAll
public class StudyView extends VerticalLayout implements HasUrlParameter<Long> {

    private final StudyService studies;
    private final H2 heading = new H2();
    private final ProgressBar bar = new ProgressBar();
    private final Span summary = new Span();
    private final Span status = new Span();
    private final Grid<StudyRun> grid = new Grid<>(StudyRun.class, false);
    private final Div failures = new Div();
    private final Div comparisons = new Div();
    private final Div spec = new Div();
    private long studyId;
    private com.vaadin.flow.shared.Registration poll;
    /** What the failures and comparisons sections show now; rebuilt only when these change (see refresh). */
    private List<String> shownFailures;
    private Map<String, String> shownComparisons;
    private StudyStatus shownStatus;

    public StudyView(StudyService studies) {
        this.studies = studies;
        heading.setId("view-heading");
        status.setId("study-status");
        summary.setId("study-summary");
        bar.setId("study-progress");
        grid.setId("study-runs");
        failures.setId("study-failures");
        comparisons.setId("study-comparisons");
        grid.addColumn(StudyRun::task).setHeader("Task");
        grid.addColumn(StudyRun::name).setHeader("Variant");
        grid.addColumn(r -> r.state().name() + (r.reused() ? " (reused)" : "")).setHeader("State");
        grid.addColumn(r -> r.runId() == null ? "" : r.runId().toString()).setHeader("Run").setAutoWidth(true);
        grid.addColumn(r -> seconds(r.wallTime())).setHeader("Wall time");
        grid.addColumn(r -> r.blockedBy() != null ? "waits for " + r.blockedBy() + ", which did not finish"
                : r.message() == null ? "" : r.message()).setHeader("Note");
        grid.setAllRowsVisible(true);
        add(heading, status, bar, summary, grid, failures, comparisons, spec);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        this.studyId = id;
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent e) {
        pollWhileRunning(e.getUI());
        poll = e.getUI().addPollListener(p -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent e) {
        e.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }

    private void refresh() {
        StudyProgress p = studies.progress(studyId);
        heading.setText("Study " + p.study().id() + ": " + p.study().name());
        status.setText(p.study().status().name() + " · " + p.study().cohortRef());
        status.getElement().setAttribute("data-status", p.study().status().name());
        bar.setValue(p.fraction());
        summary.setText(p.summary());
        grid.setItems(p.runs());
        // Rebuilding these every second would replace the links under the user's pointer: a click that lands
        // between two polls would hit a detached element and be lost. So they change only when their content does.
        if (!p.failures().equals(shownFailures)) {
            shownFailures = p.failures();
            showFailures(p.failures());
        }
        if (!p.comparisons().equals(shownComparisons) || p.study().status() != shownStatus) {
            shownComparisons = p.comparisons();
            showComparisons(p);
        }
        shownStatus = p.study().status();
        getUI().ifPresent(this::pollWhileRunning);
        if (spec.getChildren().findAny().isEmpty()) {
            String yaml = p.study().specYaml();
            Anchor download = new Anchor(new StreamResource(p.study().name() + ".yaml",
                    () -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), "Download the spec (YAML)");
            download.getElement().setAttribute("download", true);
            spec.add(download);
        }
    }

    /** An ended study does not change any more: stop polling (the page stays as it is; a reload re-reads it). */
    private void pollWhileRunning(UI ui) {
        ui.setPollInterval(shownStatus == StudyStatus.RUNNING ? 1000 : -1);
    }

    private void showFailures(List<String> reasons) {
        failures.removeAll();
        if (!reasons.isEmpty()) {
            UnorderedList list = new UnorderedList();
            reasons.forEach(f -> list.add(new ListItem(f)));
            failures.add(new H3("Did not finish"), list);
        }
    }

    private void showComparisons(StudyProgress p) {
        comparisons.removeAll();
        if (!p.comparisons().isEmpty()) {
            comparisons.add(new H3("Comparisons"));
            UnorderedList list = new UnorderedList();
            p.comparisons().forEach((task, id) -> {
                Anchor a = new Anchor("compare/" + id, "Comparison — " + task);
                a.addClassName("study-comparison-link");
                list.add(new ListItem(a));
            });
            comparisons.add(list);
        } else if (p.study().status() == StudyStatus.RUNNING) {
            comparisons.add(new Span("The comparison of each task appears here when the study has ended."));
        }
    }

    private static String seconds(Duration d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
