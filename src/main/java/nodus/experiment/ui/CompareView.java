package nodus.experiment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import nodus.base.ui.EmptyState;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.compare.CaseImages;
import nodus.experiment.compare.ComparisonResult;
import nodus.experiment.compare.ComparisonService;
import nodus.experiment.compare.ComparisonSpec;
import nodus.experiment.compare.SavedComparison;
import nodus.experiment.compare.TableExport;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Compare runs of an experiment: choose them (filtered by task, kind, tag), see the paper's table, DeLong
 * matrices, NRI/IDI and figures per part; save the comparison under a stable URL ({@code compare/<id>}) that
 * opens the same for everyone; export the table; open the HTML report. {@code compare?experiment=1&runs=3,4,5}
 * preselects runs.
 */
@Route("compare")
@PageTitle("Compare · Nodus")
@Menu(title = "Compare", order = 40)
@PermitAll
public class CompareView extends VerticalLayout implements HasUrlParameter<String> {

    private final ExperimentService experiments;
    private final ComparisonService comparisons;
    private final Optional<CaseImages> images;

    private final ComboBox<Experiment> experiment = new ComboBox<>("Experiment");
    private final ComboBox<String> task = new ComboBox<>("Task");
    private final ComboBox<RunKind> kind = new ComboBox<>("Kind");
    private final TextField tag = new TextField("Tag / text");
    private final MultiSelectComboBox<Run> runs = new MultiSelectComboBox<>("Runs");
    private final Select<ComparisonSpec.ThresholdChoice> threshold = new Select<>();
    private final ComboBox<Run> baseline = new ComboBox<>("Baseline (NRI/IDI, confusion)");
    private final TextField saveName = new TextField("Comparison name");
    private final HorizontalLayout links = new HorizontalLayout();
    private final VerticalLayout results = new VerticalLayout();
    private final EmptyState empty;
    private ComparisonSpec current;

    public CompareView(ExperimentService experiments, ComparisonService comparisons,
                       ObjectProvider<CaseImages> images) {
        this.experiments = experiments;
        this.comparisons = comparisons;
        this.images = Optional.ofNullable(images.getIfAvailable());
        H2 heading = new H2("Compare");
        heading.setId("view-heading");
        empty = new EmptyState("Nothing to compare yet",
                "When an experiment has finished runs, choose them here to see the AUC table with 95% CIs, "
                        + "DeLong tests, and ROC, decision and calibration curves for training, validation and test.");
        add(heading);

        experiment.setId("experiment-select");
        experiment.setItemLabelGenerator(Experiment::name);
        experiment.setItems(experiments.list());
        experiment.addValueChangeListener(e -> refreshCandidates());
        task.setClearButtonVisible(true);
        task.addValueChangeListener(e -> refreshCandidates());
        kind.setItems(RunKind.values());
        kind.setClearButtonVisible(true);
        kind.addValueChangeListener(e -> refreshCandidates());
        tag.setClearButtonVisible(true);
        tag.addValueChangeListener(e -> refreshCandidates());
        runs.setId("run-select");
        runs.setItemLabelGenerator(r -> r.name() + " (#" + r.id() + ", " + r.kind() + ")");
        runs.setWidth("28em");
        runs.addValueChangeListener(e -> {
            baseline.setItems(List.copyOf(e.getValue()));
            if (!e.getValue().contains(baseline.getValue())) {
                baseline.setValue(e.getValue().stream().findFirst().orElse(null));
            }
        });
        threshold.setLabel("Threshold");
        threshold.setId("threshold-rule");
        threshold.setItems(ComparisonSpec.ThresholdChoice.values());
        threshold.setItemLabelGenerator(t -> t == ComparisonSpec.ThresholdChoice.TRAINING_YOUDEN
                ? "Youden on training, fixed" : "Each part's own Youden");
        threshold.setValue(ComparisonSpec.ThresholdChoice.TRAINING_YOUDEN);
        baseline.setItemLabelGenerator(Run::name);
        Button compare = new Button("Compare", e -> compareChosen());
        compare.setId("compare-button");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(experiment, task, kind, tag);
        HorizontalLayout choice = new HorizontalLayout(runs, threshold, baseline, compare);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        choice.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        choice.setWrap(true);
        saveName.setId("comparison-name");
        Button save = new Button("Save comparison", e -> save());
        save.setId("save-comparison");
        HorizontalLayout saving = new HorizontalLayout(saveName, save);
        saving.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        links.setId("comparison-links");
        results.setPadding(false);
        results.setId("comparison-results");
        add(filters, choice, saving, links, empty, results);
        boolean any = !experiments.allRuns().isEmpty();
        empty.setVisible(!any);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String id) {
        if (id != null && !id.isBlank()) {
            Optional<SavedComparison> saved = comparisons.find(id);
            if (saved.isEmpty()) {
                Notification.show("No saved comparison " + id);
                return;
            }
            open(saved.get().spec(), saved.get());
            return;
        }
        var query = event.getLocation().getQueryParameters().getParameters();
        List<String> exp = query.get("experiment");
        List<String> ids = query.get("runs");
        if (exp != null && ids != null && !ids.isEmpty()) {
            List<Long> runIds = java.util.Arrays.stream(ids.get(0).split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
            open(ComparisonSpec.of(Long.parseLong(exp.get(0)), runIds), null);
        }
    }

    private void refreshCandidates() {
        Experiment e = experiment.getValue();
        if (e == null) {
            runs.setItems(List.of());
            return;
        }
        var selected = runs.getValue();
        List<Run> all = comparisons.candidates(e.id(), null, null, null);
        List<String> tasks = all.stream().map(Run::task).filter(Objects::nonNull).distinct().sorted().toList();
        if (!tasks.equals(task.getListDataView().getItems().toList())) {
            String t = task.getValue();
            task.setItems(tasks);
            task.setValue(tasks.contains(t) ? t : null);
        }
        List<Run> matching = comparisons.candidates(e.id(), task.getValue(), kind.getValue(), tag.getValue());
        runs.setItems(matching);
        runs.setValue(new LinkedHashSet<>(selected.stream().filter(matching::contains).toList()));
    }

    /** Fills the controls from a spec and shows its results. */
    private void open(ComparisonSpec spec, SavedComparison saved) {
        experiments.find(spec.experimentId()).ifPresent(experiment::setValue);
        List<Run> chosen = spec.runIds().stream().map(id -> experiments.runs(spec.experimentId()).stream()
                .filter(r -> r.id() == id).findFirst().orElse(null)).filter(Objects::nonNull).toList();
        runs.setValue(new LinkedHashSet<>(chosen));
        threshold.setValue(spec.threshold());
        chosen.stream().filter(r -> r.id() == spec.baseline()).findFirst().ifPresent(baseline::setValue);
        show(spec, saved);
    }

    private void compareChosen() {
        Experiment e = experiment.getValue();
        if (e == null || runs.getValue().isEmpty()) {
            Notification.show("Choose an experiment and at least one run");
            return;
        }
        // Keep the order runs were listed in (experiment order), so tables are stable.
        List<Long> ids = runs.getListDataView().getItems().filter(runs.getValue()::contains).map(Run::id).toList();
        if (ids.size() != runs.getValue().size()) {
            ids = runs.getValue().stream().map(Run::id).toList();
        }
        Run base = baseline.getValue();
        show(new ComparisonSpec(e.id(), ids, null, threshold.getValue(), base == null ? null : base.id(), null),
                null);
    }

    private void show(ComparisonSpec spec, SavedComparison saved) {
        results.removeAll();
        links.removeAll();
        empty.setVisible(false);
        ComparisonResult result;
        try {
            result = comparisons.compute(spec);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage());
            return;
        }
        current = spec;
        links.add(download("export-csv", "CSV", "comparison.csv", "text/csv",
                () -> TableExport.csv(result).getBytes(StandardCharsets.UTF_8)));
        links.add(download("export-xlsx", "XLSX", "comparison.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", () -> TableExport.xlsx(result)));
        links.add(download("export-latex", "LaTeX", "comparison.tex", "application/x-tex",
                () -> TableExport.latex(result).getBytes(StandardCharsets.UTF_8)));
        if (saved != null) {
            Span name = new Span("Saved comparison: " + saved.name() + " (by " + saved.createdBy() + ")");
            name.setId("saved-name");
            Anchor report = new Anchor(DownloadHandler.fromInputStream(ev -> {
                byte[] html = comparisons.report(saved.id()).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(html), "report-" + saved.id() + ".html",
                        "text/html;charset=utf-8", html.length);
            }).inline(), AttachmentType.INLINE, "HTML report");
            report.setId("report-link");
            report.setTarget(AnchorTarget.BLANK);
            Anchor pdf = new Anchor(DownloadHandler.fromInputStream(ev -> {
                byte[] bytes = comparisons.reportPdf(saved.id());
                return new DownloadResponse(new ByteArrayInputStream(bytes), "report-" + saved.id() + ".pdf",
                        "application/pdf", bytes.length);
            }), "PDF report");
            pdf.setId("report-pdf-link");
            links.add(name, report, pdf);
        }
        results.add(new ComparisonPanel(result, images));
    }

    private static Anchor download(String id, String text, String file, String type, Supplier<byte[]> content) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(ev -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), file, type, bytes.length);
        }), text);
        a.setId(id);
        return a;
    }

    private void save() {
        if (current == null) {
            Notification.show("Compare runs first, then save the comparison");
            return;
        }
        SavedComparison saved = comparisons.save(saveName.getValue(), current);
        UI.getCurrent().navigate(CompareView.class, saved.id());
    }
}
