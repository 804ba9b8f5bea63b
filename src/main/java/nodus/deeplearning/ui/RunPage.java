package nodus.deeplearning.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import nodus.base.security.CurrentUser;
import nodus.base.security.Role;
import nodus.base.ui.EChart;
import nodus.deeplearning.finetune.FineTuneMonitor;
import nodus.deeplearning.finetune.RunSnapshot;
import nodus.deeplearning.finetune.TrainingCurves;
import nodus.deeplearning.training.TrainingProgress;
import nodus.experiment.CasePrediction;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.SplitPart;
import nodus.experiment.compare.CaseImages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * One run, live: status, a progress bar with epoch, batch and ETA, and the per-epoch loss and AUC curves, updated
 * by server push (at most {@value FineTuneMonitor#TICKS_PER_SECOND} times a second); a loud badge when a
 * fine-tuning run starts from random weights; cancel; and, once the run has predictions, Grad-CAM for any
 * validation or test case over its lesion image.
 */
@Route("runs/:runId([0-9]+)")
@PageTitle("Run · Nodus")
@PermitAll
public class RunPage extends VerticalLayout implements BeforeEnterObserver {

    private final FineTuneMonitor monitor;
    private final RunService runs;
    private final Optional<CaseImages> images;
    private final boolean mayCancel;

    private final H2 heading = new H2();
    private final Span status = new Span();
    private final Span notPretrained = new Span("NOT PRETRAINED — trained from a random initialisation");
    private final Paragraph details = new Paragraph();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Button cancel = new Button("Cancel run");
    private final EChart loss = new EChart();
    private final EChart auc = new EChart();
    private final VerticalLayout gradCam = new VerticalLayout();
    private final Image overlay = new Image();
    private final Span overlayCaption = new Span();

    private long runId;
    private Runnable unwatch;
    private boolean casesShown;

    public RunPage(FineTuneMonitor monitor, RunService runs, ObjectProvider<CaseImages> images, CurrentUser user) {
        this.monitor = monitor;
        this.runs = runs;
        this.images = Optional.ofNullable(images.getIfAvailable());
        this.mayCancel = user.hasRole(Role.RESEARCHER) || user.hasRole(Role.ADMIN);
        heading.setId("view-heading");
        status.setId("run-status");
        status.getElement().getThemeList().add("badge");
        notPretrained.setId("not-pretrained-warning");
        notPretrained.getElement().getThemeList().add("badge error primary");
        notPretrained.getStyle().set("font-weight", "bold").set("font-size", "var(--lumo-font-size-m)");
        notPretrained.setVisible(false);
        details.setId("run-details");
        details.getStyle().set("color", "var(--lumo-secondary-text-color)");
        progress.setId("run-progress");
        progressText.setId("run-progress-text");
        cancel.setId("cancel-run");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> cancel());
        cancel.setVisible(false);
        loss.setId("loss-curve");
        auc.setId("auc-curve");
        loss.setHeight("300px");
        auc.setHeight("300px");
        overlay.setId("gradcam-image");
        overlay.setVisible(false);
        overlayCaption.setId("gradcam-caption");
        HorizontalLayout head = new HorizontalLayout(heading, status, notPretrained);
        head.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        HorizontalLayout bar = new HorizontalLayout(progressText, cancel);
        bar.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        HorizontalLayout charts = new HorizontalLayout(loss, auc);
        charts.setWidthFull();
        gradCam.setId("gradcam-panel");
        gradCam.setPadding(false);
        add(new Anchor("runs", "← all runs"), head, details, progress, bar, charts, gradCam);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        runId = event.getRouteParameters().getLong("runId").orElse(-1L);
        casesShown = false;
        gradCam.removeAll();
        if (unwatch != null) {
            // The same page instance navigated to another run: follow that one instead.
            unwatch.run();
            unwatch = null;
            UI ui = event.getUI();
            unwatch = monitor.watch(runId, s -> ui.access(() -> show(s)));
        }
        Optional<RunSnapshot> s = monitor.snapshot(runId);
        if (s.isEmpty()) {
            heading.setText("No run " + runId);
            status.setText("");
            return;
        }
        show(s.get());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        if (runId > 0) {
            unwatch = monitor.watch(runId, s -> ui.access(() -> show(s)));
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unwatch != null) {
            unwatch.run();
            unwatch = null;
        }
    }

    private void show(RunSnapshot s) {
        Run run = s.run();
        heading.setText(run.name());
        status.setText(run.status().name().toLowerCase(Locale.ROOT)
                + (run.statusMessage() == null ? "" : ": " + run.statusMessage()));
        status.getElement().getThemeList().removeAll(List.of("success", "error", "contrast"));
        status.getElement().getThemeList().add(switch (run.status()) {
            case FINISHED -> "success";
            case FAILED, CANCELLED, INTERRUPTED -> "error";
            default -> "contrast";
        });
        notPretrained.setVisible(s.notPretrained());
        StringBuilder d = new StringBuilder(run.kind() + " · " + run.cohortRef() + " · " + run.task());
        if (s.spec() != null) {
            d.append(String.format(Locale.ROOT, " · split %s · %s at %d px, %d epochs, batch %d, lr %g, seed %d%s%s",
                    s.spec().split(), s.spec().backbone(), s.spec().imageSize(), s.spec().epochs(),
                    s.spec().batchSize(), s.spec().lr(), s.spec().seed(),
                    s.spec().freezeBackbone() ? ", frozen backbone" : "",
                    s.spec().pretrained() ? ", weights " + java.nio.file.Path.of(s.spec().weights()).getFileName()
                            : ""));
        }
        details.setText(d.toString());
        double fraction = s.fraction();
        progress.setValue(fraction);
        progress.getElement().setAttribute("data-fraction", String.format(Locale.ROOT, "%.4f", fraction));
        progressText.setText(progressText(s));
        cancel.setVisible(mayCancel && !run.status().isTerminal());
        int planned = s.spec() == null ? Math.max(1, s.epochs().size()) : s.spec().epochs();
        loss.setOption(TrainingCurves.loss(s.epochs(), planned));
        auc.setOption(TrainingCurves.auc(s.epochs(), planned));
        loss.getElement().setAttribute("data-points", Integer.toString(TrainingCurves.points(s.epochs(),
                "train_loss")));
        auc.getElement().setAttribute("data-points", Integer.toString(TrainingCurves.points(s.epochs(),
                "val_auc")));
        if (!casesShown && run.status() == RunStatus.FINISHED) {
            showCases(run);
        }
    }

    private static String progressText(RunSnapshot s) {
        TrainingProgress p = s.progress();
        if (p != null) {
            return String.format(Locale.ROOT, "Epoch %d/%d · batch %d/%d · %.0f %% · elapsed %s · ETA %s", p.epoch(),
                    p.epochs(), p.batch(), p.batches(), 100 * p.fraction(), duration(p.elapsedSeconds()),
                    duration(p.etaSeconds()));
        }
        Run run = s.run();
        return switch (run.status()) {
            case QUEUED -> "Queued: waiting for a worker";
            case RUNNING -> s.epochs().isEmpty() ? "Starting…" : "Epoch " + s.epochs().size() + " done";
            case INTERRUPTED -> "Interrupted: resumes from its last checkpoint";
            default -> s.epochs().isEmpty() ? "" : s.epochs().size() + " epochs trained";
        };
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void cancel() {
        try {
            runs.cancel(runId);
            Notification.show("Cancellation requested: the run stops within one batch.");
        } catch (IllegalStateException | IllegalArgumentException e) {
            Notification.show(e.getMessage());
        }
    }

    /** The validation and test cases with their predicted probability; choosing one shows its Grad-CAM. */
    private void showCases(Run run) {
        casesShown = true;
        gradCam.removeAll();
        if (images.isEmpty() || run.kind() != RunKind.FINETUNE) {
            return;
        }
        List<CasePrediction> cases = runs.predictions(run.id()).stream()
                .filter(c -> c.part() == SplitPart.VALIDATION || c.part() == SplitPart.TEST)
                .sorted(Comparator.comparing(CasePrediction::part).thenComparing(CasePrediction::score,
                        Comparator.reverseOrder()))
                .toList();
        Grid<CasePrediction> grid = new Grid<>();
        grid.setId("gradcam-cases");
        grid.addColumn(CasePrediction::caseId).setHeader("Case").setSortable(true);
        grid.addColumn(c -> c.part().name().toLowerCase(Locale.ROOT)).setHeader("Part").setSortable(true);
        grid.addColumn(CasePrediction::label).setHeader("True label").setSortable(true);
        grid.addColumn(c -> String.format(Locale.ROOT, "%.3f", c.score())).setHeader("Predicted probability")
                .setComparator(CasePrediction::score).setSortable(true);
        grid.setItems(cases);
        grid.setWidth("520px");
        grid.setHeight("420px");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                explain(run, e.getValue());
            }
        });
        Div picture = new Div(overlayCaption, overlay);
        picture.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        HorizontalLayout row = new HorizontalLayout(grid, picture);
        gradCam.add(new H3("Grad-CAM"), new Paragraph("Choose a validation or test case: the heat map of the "
                + "selected network (best validation AUC) over the case's lesion ROI; colours are scaled per image."),
                row);
    }

    /** Computes the overlay off the UI thread (seconds the first time) and pushes it when ready. */
    private void explain(Run run, CasePrediction c) {
        UI ui = UI.getCurrent();
        overlay.setVisible(false);
        overlayCaption.setText("Computing Grad-CAM for " + c.caseId() + "…");
        CaseImages img = images.orElseThrow();
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            Optional<String> url = img.gradCamDataUrl(run.cohortRef(), c.caseId(), run.id());
            ui.access(() -> {
                if (url.isPresent()) {
                    overlay.setSrc(url.get());
                    overlay.setAlt("Grad-CAM of case " + c.caseId());
                    overlay.setVisible(true);
                    overlayCaption.setText(String.format(Locale.ROOT, "Case %s (%s, true label %d, predicted "
                            + "probability %.3f)", c.caseId(), c.part().name().toLowerCase(Locale.ROOT), c.label(),
                            c.score()));
                } else {
                    overlayCaption.setText("No Grad-CAM for case " + c.caseId() + " (no trained network or image)");
                }
            });
        }));
    }
}
