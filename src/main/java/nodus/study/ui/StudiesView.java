package nodus.study.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.base.ui.EmptyState;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Task;
import nodus.cohort.TaskKind;
import nodus.study.Study;
import nodus.study.StudyService;
import nodus.study.StudySpec;
import nodus.study.StudySpecException;
import nodus.study.StudyYaml;

/**
 * The study launcher: choose a cohort, split and tasks, tick backbones and model variants, see the estimated time
 * on this machine, launch — or download the same study as YAML, or upload a YAML spec to launch it. Below, the
 * studies launched so far; each opens its page with progress and comparisons.
 */
@Route("studies")
@PageTitle("Studies · Nodus")
@Menu(title = "Studies", order = 25)
@PermitAll
public class StudiesView extends VerticalLayout {

    static final List<String> BACKBONES = List.of("resnet50", "resnet101", "wide_resnet50_2", "vgg19",
            "inception_v3");

    /** Relative paths in an uploaded spec (params files, weights) resolve as if it lay in experiments/. */
    static final java.nio.file.Path UPLOAD_BASE = java.nio.file.Files.isDirectory(java.nio.file.Path.of("experiments"))
            ? java.nio.file.Path.of("experiments") : null;

    private final StudyService studies;
    private final CohortService cohorts;
    private final Grid<Study> grid = new Grid<>(Study.class, false);
    private final EmptyState empty;

    private final TextField name = new TextField("Study name");
    private final Select<Cohort> cohort = new Select<>();
    private final Select<String> splitRule = new Select<>();
    private final IntegerField splitSeed = new IntegerField("Split seed");
    private final TextField existingSplit = new TextField("Existing split (name or hash)");
    private final CheckboxGroup<String> tasks = new CheckboxGroup<>("Tasks");
    private final CheckboxGroup<String> backbones = new CheckboxGroup<>("Backbones (fine-tuning)");
    private final CheckboxGroup<String> variants = new CheckboxGroup<>("Model variants");
    private final Select<String> combinedBackbone = new Select<>();
    private final IntegerField epochs = new IntegerField("Epochs");
    private final IntegerField inputSize = new IntegerField("Input size (px)");
    private final Span estimate = new Span();

    public StudiesView(StudyService studies, CohortService cohorts, CurrentUser user) {
        this.studies = studies;
        this.cohorts = cohorts;
        H2 heading = new H2("Studies");
        heading.setId("view-heading");
        add(heading, new Paragraph("A study is a whole design — cohort, split, tasks, backbones, radiomics, "
                + "clinical and combined models — run in order and compared. The same study runs from the command "
                + "line: java -jar nodus.jar run <spec>.yaml (docs/experiments.md)."));
        if (user.hasRole(Role.RESEARCHER)) {
            add(launcher());
        }
        empty = new EmptyState("No studies yet", user.hasRole(Role.RESEARCHER)
                ? "Build one above, or upload a spec such as experiments/wei-2023-aln-demo.yaml."
                : "Researchers launch studies; you will follow them here.");
        grid.setId("studies-grid");
        grid.addColumn(Study::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Study::name).setHeader("Name");
        grid.addColumn(Study::cohortRef).setHeader("Cohort");
        grid.addColumn(s -> s.status().name()).setHeader("Status");
        grid.addColumn(Study::createdBy).setHeader("Launched by");
        grid.addColumn(Study::createdAt).setHeader("Launched");
        grid.addItemClickListener(e -> UI.getCurrent().navigate(StudyView.class, e.getItem().id()));
        grid.setAllRowsVisible(true);
        add(new H3("Launched studies"), empty, grid);
        refresh();
    }

    private VerticalLayout launcher() {
        name.setId("study-name");
        name.setValue("my study");
        cohort.setLabel("Cohort");
        cohort.setId("study-cohort");
        cohort.setItemLabelGenerator(Cohort::ref);
        cohort.setItems(cohorts.list());
        splitRule.setLabel("Split");
        splitRule.setId("study-split");
        splitRule.setItems("6:2:2", "4:1", "existing");
        splitRule.setValue("6:2:2");
        splitSeed.setId("study-split-seed");
        splitSeed.setValue(20230701);
        existingSplit.setVisible(false);
        splitRule.addValueChangeListener(e -> {
            boolean existing = "existing".equals(e.getValue());
            existingSplit.setVisible(existing);
            splitSeed.setVisible(!existing);
        });
        tasks.setId("study-tasks");
        backbones.setId("study-backbones");
        backbones.setItems(BACKBONES);
        variants.setId("study-variants");
        variants.setItems("radiomics", "clinical", "combined");
        combinedBackbone.setLabel("Combined: deep features of");
        combinedBackbone.setId("study-combined-backbone");
        combinedBackbone.setItems(new ArrayList<>(List.of("none")));
        combinedBackbone.setValue("none");
        epochs.setId("study-epochs");
        epochs.setValue(1);
        epochs.setMin(1);
        inputSize.setId("study-input-size");
        inputSize.setValue(75);
        inputSize.setHelperText("≥ 32; Inception-v3 ≥ 75");
        estimate.setId("study-estimate");
        cohort.addValueChangeListener(e -> {
            Cohort c = e.getValue();
            tasks.setItems(c == null ? List.of() : c.tasks().stream().map(Task::name).toList());
            updateEstimate();
        });
        backbones.addValueChangeListener(e -> {
            List<String> items = new ArrayList<>(List.of("none"));
            BACKBONES.stream().filter(e.getValue()::contains).forEach(items::add);
            String keep = combinedBackbone.getValue();
            combinedBackbone.setItems(items);
            combinedBackbone.setValue(items.contains(keep) ? keep : "none");
            updateEstimate();
        });
        tasks.addValueChangeListener(e -> updateEstimate());
        variants.addValueChangeListener(e -> updateEstimate());
        epochs.addValueChangeListener(e -> updateEstimate());
        inputSize.addValueChangeListener(e -> updateEstimate());
        if (!cohorts.list().isEmpty()) {
            cohort.setValue(cohorts.list().get(0));
        }

        Button launch = new Button("Launch study", click -> launchFromForm());
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launch.setId("study-launch");
        Anchor download = new Anchor(new StreamResource("study.yaml", () -> new ByteArrayInputStream(
                formYaml().getBytes(StandardCharsets.UTF_8))), "Download as YAML");
        download.getElement().setAttribute("download", true);
        download.setId("study-download");

        Upload upload = new Upload();
        upload.setUploadHandler(com.vaadin.flow.server.streams.UploadHandler.inMemory((meta, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            upload.getUI().ifPresent(ui -> ui.access(() -> launchYaml(text, meta.fileName())));
        }));
        upload.setId("study-upload");
        upload.setAcceptedFileTypes(".yaml", ".yml");
        upload.setDropLabel(new Span("or drop a spec (.yaml) here to launch it"));

        VerticalLayout form = new VerticalLayout(
                new HorizontalLayout(name, cohort, splitRule, splitSeed, existingSplit),
                tasks,
                new HorizontalLayout(backbones),
                new HorizontalLayout(variants, combinedBackbone, epochs, inputSize),
                estimate,
                new HorizontalLayout(launch, download),
                upload);
        form.setPadding(false);
        form.setId("study-launcher");
        return form;
    }

    /** The study the form describes, as a spec (parsed from its own YAML so the form and the file agree). */
    private String formYaml() {
        Cohort c = cohort.getValue();
        if (c == null) {
            throw new IllegalArgumentException("choose a cohort");
        }
        List<StudySpec.TaskSpec> taskSpecs = new ArrayList<>();
        Set<StudySpec.Variant> requested = EnumSet.noneOf(StudySpec.Variant.class);
        if (!backbones.getValue().isEmpty()) {
            requested.add(StudySpec.Variant.FINETUNE);
        }
        for (String v : variants.getValue()) {
            requested.add(StudySpec.Variant.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
        }
        for (Task t : c.tasks()) {
            if (tasks.getValue().contains(t.name())) {
                Set<StudySpec.Variant> vs = requested;
                if (t.kind() == TaskKind.MULTICLASS) {
                    // the classical models are binary: a multi-class task runs the backbones only
                    vs = requested.contains(StudySpec.Variant.FINETUNE) ? EnumSet.of(StudySpec.Variant.FINETUNE)
                            : EnumSet.noneOf(StudySpec.Variant.class);
                }
                if (!vs.isEmpty()) {
                    taskSpecs.add(new StudySpec.TaskSpec(t.name(), vs));
                }
            }
        }
        List<StudySpec.Finetune> ft = new ArrayList<>();
        int size = inputSize.getValue() == null ? 0 : inputSize.getValue();
        for (String b : BACKBONES) {
            if (backbones.getValue().contains(b)) {
                int s = b.equals("inception_v3") ? Math.max(size, 75) : size;
                ft.add(new StudySpec.Finetune(b, null, s, epochs.getValue() == null ? 1 : epochs.getValue(), 32,
                        0.001, 0.9, true, false, 0));
            }
        }
        String deep = combinedBackbone.getValue();
        boolean withDeep = deep != null && !deep.equals("none");
        StudySpec spec = new StudySpec(name.getValue().isBlank() ? "study" : name.getValue().strip(), null,
                new StudySpec.CohortRef(c.name(), c.version()),
                "existing".equals(splitRule.getValue())
                        ? new StudySpec.SplitRule(existingSplit.getValue(), null, null, null)
                        : new StudySpec.SplitRule(null, splitRule.getValue(),
                        splitSeed.getValue() == null ? 42L : splitSeed.getValue().longValue(), null),
                taskSpecs, 42, ft,
                variants.getValue().contains("radiomics") ? new StudySpec.Radiomics(null, null, null, null, null,
                        StudySpec.Lasso.DEFAULT) : null,
                variants.getValue().contains("clinical") ? new StudySpec.Clinical(0.1, "lasso") : null,
                variants.getValue().contains("combined") ? new StudySpec.Combined(withDeep
                        ? List.of("clinical", "radiomics", "deep") : List.of("clinical", "radiomics"),
                        withDeep ? deep : null, 128, "auto", null) : null,
                null, null);
        return StudyYaml.write(spec);
    }

    private void updateEstimate() {
        try {
            String yaml = formYaml();
            StudySpec spec = StudyService.parse(yaml, "form", null);
            estimate.setText("Estimated time: " + studies.estimate(spec, "form").describe());
        } catch (RuntimeException e) {
            estimate.setText("Not ready to launch: " + e.getMessage());
        }
    }

    private void launchFromForm() {
        String yaml;
        try {
            yaml = formYaml();
        } catch (RuntimeException e) {
            Notification.show(e.getMessage());
            return;
        }
        launchYaml(yaml, "launcher");
    }

    private void launchYaml(String yaml, String source) {
        try {
            StudySpec spec = StudyService.parse(yaml, source, UPLOAD_BASE);
            studies.check(spec, source);
            Study s = studies.launch(spec, yaml, source);
            UI.getCurrent().navigate(StudyView.class, s.id());
        } catch (StudySpecException e) {
            Notification n = Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            n.setId("study-error");
        } catch (RuntimeException e) {
            Notification.show("Could not launch: " + e.getMessage(), 8000, Notification.Position.MIDDLE);
        }
    }

    private void refresh() {
        var all = studies.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }
}
