package nodus.deeplearning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import nodus.base.security.Role;
import nodus.deeplearning.finetune.FineTuneLauncher;
import nodus.deeplearning.finetune.WeightsOption;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.Experiment;
import nodus.experiment.Run;

/**
 * Launch a fine-tuning run: cohort, task and split, backbone and initial weights (a file of the pretrained folders
 * or none — flagged), and the training settings, with the reference study's defaults (Wei et al., QIMS 2023: SGD,
 * lr 0.001, momentum 0.9, batch 32). The launch goes through {@link FineTuneLauncher}, which checks the role
 * again; on success the run page opens and follows the run live.
 */
@Route("finetune")
@PageTitle("Fine-tune · Nodus")
@Menu(title = "Fine-tune", order = 25)
@RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
public class FineTuneLaunchView extends VerticalLayout {

    private static final String NEW_EXPERIMENT = "Fine-tuning (new experiment)";

    private final FineTuneLauncher launcher;
    private final ComboBox<String> experiment = new ComboBox<>("Experiment");
    private final TextField name = new TextField("Run name");
    private final ComboBox<String> cohort = new ComboBox<>("Cohort");
    private final ComboBox<String> task = new ComboBox<>("Task");
    private final ComboBox<String> split = new ComboBox<>("Split");
    private final Select<String> backbone = new Select<>();
    private final Select<WeightsOption> weights = new Select<>();
    private final Span weightsWarning = new Span();
    private final IntegerField imageSize = new IntegerField("Input size (px)");
    private final IntegerField epochs = new IntegerField("Epochs (max)");
    private final IntegerField batch = new IntegerField("Batch size");
    private final NumberField lr = new NumberField("Learning rate");
    private final NumberField momentum = new NumberField("Momentum");
    private final NumberField weightDecay = new NumberField("Weight decay");
    private final Checkbox freeze = new Checkbox("Freeze backbone (train the head only)");
    private final NumberField backboneLr = new NumberField("Backbone lr factor");
    private final Checkbox augmentation = new Checkbox("Augmentation (flips, small rotations; training part)");
    private final IntegerField patience = new IntegerField("Early-stopping patience (epochs, 0 = off)");
    private final TextField seed = new TextField("Seed");

    public FineTuneLaunchView(FineTuneLauncher launcher) {
        this.launcher = launcher;
        H2 heading = new H2("Fine-tune a backbone");
        heading.setId("view-heading");
        add(heading, new Paragraph("Trains on the split's training part, selects the epoch with the best "
                + "validation AUC, and stores every case's probability and penultimate features. Runs are queued "
                + "(one training at a time) and can be cancelled from the run page."));

        List<Experiment> existing = launcher.experiments();
        List<String> experimentNames = new java.util.ArrayList<>(existing.stream().map(Experiment::name).toList());
        experimentNames.add(NEW_EXPERIMENT);
        experiment.setItems(experimentNames);
        experiment.setValue(existing.isEmpty() ? NEW_EXPERIMENT : existing.get(0).name());
        experiment.setId("ft-experiment");
        name.setPlaceholder("default: backbone · task · split");
        name.setId("ft-name");

        cohort.setItems(launcher.cohorts());
        cohort.setId("ft-cohort");
        task.setId("ft-task");
        split.setId("ft-split");
        cohort.addValueChangeListener(e -> {
            task.setItems(e.getValue() == null ? List.of() : launcher.tasks(e.getValue()));
            task.clear();
            launcher.tasks(e.getValue()).stream().findFirst().ifPresent(task::setValue);
        });
        task.addValueChangeListener(e -> {
            List<String> s = cohort.getValue() == null || e.getValue() == null ? List.of()
                    : launcher.splits(cohort.getValue(), e.getValue());
            split.setItems(s);
            split.clear();
            s.stream().findFirst().ifPresent(split::setValue);
            split.setHelperText(s.isEmpty() ? "No split for this task yet: create one on the cohort's page." : null);
        });

        backbone.setLabel("Backbone");
        backbone.setItems(launcher.backbones());
        backbone.setId("ft-backbone");
        weights.setLabel("Initial weights");
        weights.setItemLabelGenerator(WeightsOption::label);
        weights.setId("ft-weights");
        weights.setHelperText("Files in " + launcher.weightFolders() + " (docs/pretrained-weights.md)");
        weightsWarning.setId("ft-weights-warning");
        weightsWarning.getElement().getThemeList().add("badge error");
        weightsWarning.setText("Not pretrained: random initialisation — results are not comparable to the paper's");
        backbone.addValueChangeListener(e -> {
            List<WeightsOption> options = launcher.weights(e.getValue());
            weights.setItems(options);
            weights.setValue(options.stream().filter(WeightsOption::matching).findFirst()
                    .orElse(WeightsOption.NONE));
            imageSize.setValue(launcher.defaultImageSize(e.getValue()));
        });
        weights.addValueChangeListener(e -> weightsWarning.setVisible(e.getValue() == null
                || !e.getValue().pretrained()));

        FineTuneSpec d = FineTuneSpec.defaults("x", "x", "x", "resnet50");
        imageSize.setId("ft-image-size");
        imageSize.setMin(32);
        imageSize.setMax(1024);
        epochs.setId("ft-epochs");
        epochs.setValue(d.epochs());
        epochs.setMin(1);
        batch.setId("ft-batch");
        batch.setValue(d.batchSize());
        batch.setMin(1);
        lr.setId("ft-lr");
        lr.setValue(d.lr());
        lr.setStep(0.0001);
        momentum.setValue(d.momentum());
        momentum.setId("ft-momentum");
        weightDecay.setValue(d.weightDecay());
        weightDecay.setId("ft-weight-decay");
        freeze.setId("ft-freeze");
        freeze.setValue(d.freezeBackbone());
        backboneLr.setId("ft-backbone-lr");
        backboneLr.setValue(d.backboneLrFactor());
        backboneLr.setMin(0);
        backboneLr.setMax(1);
        backboneLr.setHelperText("trunk lr = lr × factor (DJL's transfer-learning example: 0.1)");
        freeze.addValueChangeListener(e -> backboneLr.setEnabled(!e.getValue()));
        augmentation.setId("ft-augmentation");
        augmentation.setValue(d.augmentation());
        patience.setId("ft-patience");
        patience.setValue(d.earlyStoppingPatience());
        patience.setMin(0);
        seed.setId("ft-seed");
        seed.setValue(Long.toString(d.seed()));
        backbone.setValue("resnet50");
        launcher.cohorts().stream().findFirst().ifPresent(cohort::setValue);

        FormLayout form = new FormLayout(experiment, name, cohort, task, split, backbone, weights, imageSize, epochs,
                batch, lr, momentum, weightDecay, backboneLr, patience, seed, freeze, augmentation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        form.setColspan(weights, 2);
        Button launch = new Button("Launch", click -> launch());
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launch.setId("ft-launch");
        add(form, weightsWarning, launch);
    }

    private void launch() {
        try {
            WeightsOption w = weights.getValue();
            boolean frozen = Boolean.TRUE.equals(freeze.getValue());
            FineTuneSpec spec = new FineTuneSpec(cohort.getValue(), task.getValue(), split.getValue(),
                    backbone.getValue(), w == null ? null : w.path(), required(imageSize, "input size"),
                    required(epochs, "epochs"), required(batch, "batch size"), required(lr, "learning rate"),
                    required(momentum, "momentum"), required(weightDecay, "weight decay"), frozen,
                    frozen ? 0 : required(backboneLr, "backbone lr factor"), Boolean.TRUE.equals(augmentation.getValue()),
                    required(patience, "early-stopping patience"), parseSeed());
            long experimentId = experimentId();
            Run run = launcher.launch(experimentId, name.getValue(), spec);
            getUI().ifPresent(ui -> ui.navigate("runs/" + run.id()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notification n = Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private long experimentId() {
        String chosen = experiment.getValue();
        if (chosen == null) {
            throw new IllegalArgumentException("choose an experiment");
        }
        String wanted = NEW_EXPERIMENT.equals(chosen) ? "Fine-tuning" : chosen;
        return launcher.experiments().stream().filter(e -> e.name().equals(wanted)).findFirst()
                .map(Experiment::id).orElseGet(() -> launcher.createExperiment(wanted).id());
    }

    private long parseSeed() {
        try {
            return Long.parseLong(seed.getValue().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed: a whole number is required, got '" + seed.getValue() + "'");
        }
    }

    private static int required(IntegerField f, String what) {
        if (f.getValue() == null || f.isInvalid()) {
            throw new IllegalArgumentException(what + ": a whole number is required");
        }
        return f.getValue();
    }

    private static double required(NumberField f, String what) {
        if (f.getValue() == null || f.isInvalid()) {
            throw new IllegalArgumentException(what + ": a number is required");
        }
        return f.getValue();
    }
}
