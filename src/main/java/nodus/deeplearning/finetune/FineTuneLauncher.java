package nodus.deeplearning.finetune;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nodus.base.security.Role;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Split;
import nodus.cohort.SplitService;
import nodus.cohort.Task;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.deeplearning.weights.TorchvisionWeights;
import nodus.experiment.Experiment;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the fine-tuning launch form offers and does: the cohorts, tasks and splits to train on, the weight files
 * found in the pretrained folders, and the launch itself (researchers and admins only, checked here). Weight files
 * can only be chosen from those folders, so a form cannot make the server read an arbitrary file.
 */
@Service
public class FineTuneLauncher {

    /** Extensions of loadable weights: torchvision state dicts, TorchScript exports, Nodus checkpoints. */
    private static final List<String> WEIGHT_EXTENSIONS = List.of(".pth", ".pt", ".json");

    private final CohortService cohorts;
    private final SplitService splits;
    private final ObjectProvider<StudyDataSource> studies;
    private final ExperimentService experiments;
    private final RunService runs;
    private final List<Path> weightFolders;

    FineTuneLauncher(CohortService cohorts, SplitService splits, ObjectProvider<StudyDataSource> studies,
                     ExperimentService experiments, RunService runs,
                     @Value("${nodus.deeplearning.pretrained-folder:}") String configuredFolder) {
        this.cohorts = cohorts;
        this.splits = splits;
        this.studies = studies;
        this.experiments = experiments;
        this.runs = runs;
        Set<Path> folders = new LinkedHashSet<>();
        folders.add(TorchvisionWeights.DEFAULT_FOLDER.toAbsolutePath().normalize());
        if (configuredFolder != null && !configuredFolder.isBlank()) {
            folders.add(Path.of(configuredFolder).toAbsolutePath().normalize());
        }
        this.weightFolders = List.copyOf(folders);
    }

    /** The folders searched for weight files: {@code model-registry/pretrained} and the configured one. */
    @PermitAll
    public List<Path> weightFolders() {
        return weightFolders;
    }

    /** Cohort references ("name vN"), newest version first within a name. */
    @PermitAll
    public List<String> cohorts() {
        return cohorts.list().stream()
                .sorted(Comparator.comparing(Cohort::name).thenComparing(Comparator.comparingInt(Cohort::version)
                        .reversed()))
                .map(Cohort::ref).toList();
    }

    @PermitAll
    public List<String> tasks(String cohortRef) {
        return cohort(cohortRef).map(c -> c.tasks().stream().map(Task::name).toList()).orElse(List.of());
    }

    /** Split names of a cohort's task (a split is chosen by name; the run records its content hash). */
    @PermitAll
    public List<String> splits(String cohortRef, String task) {
        return cohort(cohortRef).map(c -> splits.list(c.id()).stream().filter(s -> s.taskName().equals(task))
                .map(Split::name).toList()).orElse(List.of());
    }

    /** The five backbones' names (torchvision's). */
    @PermitAll
    public List<String> backbones() {
        return Stream.of(Architecture.values()).map(Architecture::torchvisionName).toList();
    }

    /** The ImageNet input side of a backbone, in px (224, 299 for Inception-v3). */
    @PermitAll
    public int defaultImageSize(String backbone) {
        return Architecture.parse(backbone).inputSize();
    }

    /**
     * "None" first, then the weight files of the pretrained folders — torchvision's files for {@code backbone}
     * before other files (a Nodus checkpoint or TorchScript export of any name may fit too).
     */
    @PermitAll
    public List<WeightsOption> weights(String backbone) {
        Architecture arch = Architecture.parse(backbone);
        List<String> known = TorchvisionWeights.fileNames(arch);
        List<WeightsOption> matching = new ArrayList<>();
        List<WeightsOption> other = new ArrayList<>();
        for (Path folder : weightFolders) {
            for (Path file : files(folder)) {
                String name = file.getFileName().toString();
                boolean fits = known.contains(name);
                String label = String.format(Locale.ROOT, "%s (%s, %.1f MB)", name, folder, size(file) / 1e6);
                (fits ? matching : other).add(new WeightsOption(label, file.toString(), fits));
            }
        }
        List<WeightsOption> all = new ArrayList<>();
        all.add(WeightsOption.NONE);
        all.addAll(matching);
        all.addAll(other);
        return all;
    }

    @PermitAll
    public List<Experiment> experiments() {
        return experiments.list();
    }

    /** A new experiment for fine-tuning runs. */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    public Experiment createExperiment(String name) {
        return experiments.create(name, "fine-tuning runs launched from the web app");
    }

    /**
     * Queues a FINETUNE run (the job engine executes it). Reads the study once to check the cohort, task and split
     * and to record the split's content hash. An identical run already in the experiment is returned instead.
     *
     * @param name the run's name; blank gives {@code "<backbone> · <task> · <split>"}
     * @throws IllegalArgumentException naming the field when the cohort, task, split or weights are not valid
     */
    @RolesAllowed({Role.RESEARCHER_NAME, Role.ADMIN_NAME})
    public Run launch(long experimentId, String name, FineTuneSpec spec) {
        if (spec.weights() != null) {
            Path w = Path.of(spec.weights()).toAbsolutePath().normalize();
            if (weightFolders.stream().noneMatch(w::startsWith) || !Files.isRegularFile(w)) {
                throw new IllegalArgumentException("weights: " + spec.weights() + " is not a file in the pretrained "
                        + "folders " + weightFolders);
            }
        }
        StudyDataSource source = studies.getIfAvailable();
        if (source == null) {
            throw new IllegalStateException("this Nodus has no study data source (cohort module)");
        }
        StudyData data = source.load(spec.cohortRef(), spec.task(), spec.split());
        String runName = name == null || name.isBlank()
                ? spec.backbone() + " · " + spec.task() + " · " + spec.split() : name.strip();
        return runs.launch(new NewRun(experimentId, runName, RunKind.FINETUNE, spec.task(), spec.cohortRef(),
                data.splitHash(), spec.toJson(), spec.seed()));
    }

    private Optional<Cohort> cohort(String ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return cohorts.list().stream().filter(c -> c.ref().equals(ref)).findFirst();
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> WEIGHT_EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString()
                            .toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
