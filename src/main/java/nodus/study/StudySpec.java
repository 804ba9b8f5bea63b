package nodus.study;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A whole study as code (read from {@code experiments/*.yaml} by {@link StudySpecParser}; fields explained in
 * docs/experiments.md): a cohort version, a split (existing or a rule + seed), the tasks, and the model variants
 * with their settings. {@code lines} maps a field path to its 1-based YAML line, so checks that need the database
 * (does the cohort exist? the task?) still name the line.
 *
 * @param name       study name; also the name of the experiment that holds its runs
 * @param seed       seed of every run (initialisation, data order, CV folds)
 * @param finetune   one entry per backbone, in file order (empty: no fine-tuning)
 * @param radiomics  null: no radiomics run
 * @param clinical   null: no clinical run
 * @param combined   null: no combined run
 */
public record StudySpec(String name, String description, CohortRef cohort, SplitRule split, List<TaskSpec> tasks,
                        long seed, List<Finetune> finetune, Radiomics radiomics, Clinical clinical, Combined combined,
                        Statistics statistics, Map<String, Integer> lines) {

    /** The variants a task may run. */
    public enum Variant { FINETUNE, RADIOMICS, CLINICAL, COMBINED }

    public StudySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(split, "split");
        tasks = List.copyOf(tasks);
        finetune = List.copyOf(finetune);
        statistics = statistics == null ? Statistics.DEFAULT : statistics;
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    /** Line of a field path (or of its closest parent that has one), 0 if unknown. */
    public int line(String field) {
        String f = field;
        while (true) {
            Integer l = lines.get(f);
            if (l != null) {
                return l;
            }
            int dot = f.lastIndexOf('.');
            if (dot < 0) {
                return 0;
            }
            f = f.substring(0, dot);
        }
    }

    public java.util.Optional<Finetune> backbone(String name) {
        return finetune.stream().filter(f -> f.backbone().equals(name)).findFirst();
    }

    /** @param version null: the latest version */
    public record CohortRef(String name, Integer version) {
        public CohortRef {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("cohort name must not be blank");
            }
        }

        /** The reference runs record: {@code "name vN"}, or the bare name for the latest version. */
        public String ref() {
            return version == null ? name : name + " v" + version;
        }
    }

    /**
     * Either an existing split ({@code existing}: its name or content hash, per task) or a rule + seed. Splits are
     * always stratified by the task's label and at patient level; {@code balance} adds clinical variables.
     *
     * @param rule "6:2:2" (train/validation/test) or "4:1" (train/test)
     */
    public record SplitRule(String existing, String rule, Long seed, List<String> balance) {
        public SplitRule {
            balance = balance == null ? List.of() : List.copyOf(balance);
            if ((existing == null) == (rule == null)) {
                throw new IllegalArgumentException("a split is either existing (name/hash) or a rule + seed");
            }
        }
    }

    /** A task of the cohort and the variants run on it (all requested variants by default). */
    public record TaskSpec(String name, Set<Variant> variants) {
        public TaskSpec {
            variants = Set.copyOf(variants);
        }
    }

    /** Fine-tuning of one backbone (FineTuneSpec's fields; {@code inputSize} 0 = the backbone's ImageNet size). */
    public record Finetune(String backbone, String weights, int inputSize, int epochs, int batch, double lr,
                           double momentum, boolean augmentation, boolean freezeBackbone, int earlyStopping) {
    }

    /**
     * The radiomics signature: extraction (a pyradiomics params file, absolute, or inline binWidth/clip/label),
     * Spearman redundancy filter, LASSO-CV.
     */
    public record Radiomics(String paramsFile, Double binWidth, String clip, Integer label, Double spearman,
                            Lasso lasso) {
    }

    /** LASSO-CV settings shared by the classical models; null fields take the study's defaults. */
    public record Lasso(List<Double> cGrid, Integer folds, Boolean oneSe) {
        public static final Lasso DEFAULT = new Lasso(null, null, null);
    }

    /** @param model only {@code lasso} (the clinical executor's model: screening → LASSO-CV logistic) */
    public record Clinical(Double screeningP, String model) {
    }

    /**
     * @param backbone the FINETUNE backbone whose per-case deep features enter (PCA), or null (clinical +
     *                 radiomics only)
     * @param model    svm, lr or auto (higher validation AUC)
     */
    public record Combined(List<String> inputs, String backbone, int pca, String model, Double svmCost) {
        public Combined {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * How the comparison is computed.
     *
     * @param threshold training-youden (the TRAIN Youden threshold applied to every part) or own-youden
     * @param ci        delong (the comparison's AUC CI method)
     */
    public record Statistics(String threshold, String ci, double dcaFrom, double dcaTo, double dcaStep) {
        public static final Statistics DEFAULT = new Statistics("training-youden", "delong", 0.0, 1.0, 0.01);
    }
}
