package nodus.experiment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.base.ui.EmptyState;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.jobs.JobWorkers;
import nodus.experiment.jobs.WorkerStatus;
import nodus.experiment.RunReviewService;
import nodus.experiment.RunStatus;
import nodus.experiment.compare.ComparisonService;
import nodus.experiment.compare.JournalFormat;
import nodus.statistics.AucEstimate;

/**
 * The supervisor's home (supervisors are sent here from "/"): per experiment the best run per task by test AUC
 * with its CI, runs by status, who launched what and when, and the runs awaiting review with the review actions.
 * Researchers see their queue and recent results.
 */
@Route("dashboard")
@PageTitle("Dashboard · Nodus")
@Menu(title = "Dashboard", order = 5)
@PermitAll
public class DashboardView extends VerticalLayout {

    private final ExperimentService experiments;
    private final ComparisonService comparisons;
    private final Map<Long, Optional<AucEstimate>> aucs = new LinkedHashMap<>();

    public DashboardView(ExperimentService experiments, ComparisonService comparisons, RunReviewService reviews,
                         CurrentUser user, JobWorkers workers) {
        this.experiments = experiments;
        this.comparisons = comparisons;
        H2 heading = new H2("Dashboard");
        heading.setId("view-heading");
        add(heading);
        if (user.hasRole(Role.SUPERVISOR)) {
            add(new H3("Workers"), workersTable(workers.list()));
        }
        List<Run> all = experiments.allRuns();
        if (all.isEmpty()) {
            add(new EmptyState("No runs yet", "Runs appear here once researchers launch them in an experiment."));
            return;
        }
        if (user.hasRole(Role.SUPERVISOR)) {
            add(new H3("Best run per task (test AUC, 95% CI)"), bestRuns());
            add(new H3("Runs by status"), byStatus());
            Grid<Run> awaiting = runGrid("awaiting-review");
            awaiting.setItems(reviews.awaitingReview());
            ReviewPanel panel = new ReviewPanel(reviews, user, () -> awaiting.setItems(reviews.awaitingReview()));
            awaiting.asSingleSelect().addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    panel.show(e.getValue());
                }
            });
            add(new H3("Awaiting review"), awaiting, panel);
            Grid<Run> recent = runGrid("recent-runs");
            recent.setItems(all.stream().limit(50).toList());
            add(new H3("Who launched what"), recent);
        } else {
            Grid<Run> queue = runGrid("my-queue");
            queue.setItems(all.stream().filter(r -> r.createdBy().equals(user.name()))
                    .filter(r -> !r.status().isTerminal()).toList());
            Grid<Run> results = runGrid("my-results");
            results.addColumn(r -> auc(r).map(a -> JournalFormat.withInterval(a.auc(), a.ciLow(), a.ciHigh()))
                    .orElse("")).setHeader("Test AUC (95% CI)");
            results.setItems(all.stream().filter(r -> r.createdBy().equals(user.name()))
                    .filter(r -> r.status() == RunStatus.FINISHED).limit(20).toList());
            add(new H3("Your queue"), queue, new H3("Your recent results"), results);
        }
    }

    private Optional<AucEstimate> auc(Run run) {
        return aucs.computeIfAbsent(run.id(), comparisons::testAuc);
    }

    private NativeTable bestRuns() {
        NativeTable t = table("best-runs", "Experiment", "Task", "Best run", "Kind", "Test AUC (95% CI)",
                "Launched by");
        for (Experiment e : experiments.list()) {
            Map<String, Run> best = new LinkedHashMap<>();
            for (Run r : experiments.runs(e.id())) {
                if (r.status() != RunStatus.FINISHED || auc(r).isEmpty()) {
                    continue;
                }
                String task = r.task() == null ? "" : r.task();
                Run current = best.get(task);
                if (current == null || auc(r).get().auc() > auc(current).get().auc()) {
                    best.put(task, r);
                }
            }
            best.forEach((task, r) -> {
                AucEstimate a = auc(r).orElseThrow();
                t.add(row(e.name(), task, r.name(), r.kind().name(),
                        JournalFormat.withInterval(a.auc(), a.ciLow(), a.ciHigh()), r.createdBy()));
            });
        }
        return t;
    }

    private NativeTable byStatus() {
        RunStatus[] shown = {RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.FAILED, RunStatus.FINISHED,
                RunStatus.INTERRUPTED, RunStatus.CANCELLED};
        String[] headers = new String[shown.length + 1];
        headers[0] = "Experiment";
        for (int i = 0; i < shown.length; i++) {
            headers[i + 1] = shown[i].name().toLowerCase();
        }
        NativeTable t = table("runs-by-status", headers);
        for (Experiment e : experiments.list()) {
            Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
            experiments.runs(e.id()).forEach(r -> counts.merge(r.status(), 1, Integer::sum));
            String[] cells = new String[shown.length + 1];
            cells[0] = e.name();
            for (int i = 0; i < shown.length; i++) {
                cells[i + 1] = String.valueOf(counts.getOrDefault(shown[i], 0));
            }
            t.add(row(cells));
        }
        return t;
    }

    private static Grid<Run> runGrid(String id) {
        Grid<Run> g = new Grid<>();
        g.setId(id);
        g.addColumn(Run::name).setHeader("Run").setSortable(true);
        g.addColumn(Run::kind).setHeader("Kind");
        g.addColumn(Run::task).setHeader("Task");
        g.addColumn(Run::status).setHeader("Status");
        g.addColumn(Run::createdBy).setHeader("Launched by").setSortable(true);
        g.addColumn(Run::createdAt).setHeader("When").setSortable(true)
                .setComparator(Comparator.comparing(Run::createdAt));
        g.setAllRowsVisible(true);
        return g;
    }

    /** The job engine's live workers and their load (JobRunr's background servers in the shared database). */
    private static Component workersTable(List<WorkerStatus> workers) {
        if (workers.isEmpty()) {
            Span none = new Span("No worker is running: queued runs wait until one starts (nodus worker, "
                    + "see docs/deployment.md).");
            none.setId("workers-none");
            return none;
        }
        NativeTable t = table("workers", "Worker", "Runs now / threads", "CPU (process / machine)", "Memory",
                "Last heartbeat", "Since");
        for (WorkerStatus w : workers) {
            t.add(row(w.name(), w.runningRuns() + " / " + w.threads() + (w.processing() ? "" : " (paused)"),
                    percent(w.cpuLoad()) + " / " + percent(w.systemCpuLoad()),
                    w.allocatedMemory() == null ? "" : (w.allocatedMemory() >> 20) + " MB",
                    String.valueOf(w.lastHeartbeat()), String.valueOf(w.since())));
        }
        return t;
    }

    private static String percent(Double load) {
        return load == null || load < 0 ? "?" : Math.round(load * 100) + "%";
    }

    private static NativeTable table(String id, String... headers) {
        NativeTable t = new NativeTable();
        t.setId(id);
        NativeTableRow h = new NativeTableRow();
        for (String s : headers) {
            NativeTableHeaderCell c = new NativeTableHeaderCell(s);
            c.getStyle().set("padding", "3px 8px").set("text-align", "left");
            h.add(c);
        }
        t.add(h);
        return t;
    }

    private static NativeTableRow row(String... cells) {
        NativeTableRow r = new NativeTableRow();
        for (String s : cells) {
            NativeTableCell c = new NativeTableCell(s);
            c.getStyle().set("padding", "3px 8px");
            r.add(c);
        }
        return r;
    }
}
