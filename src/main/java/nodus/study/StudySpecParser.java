package nodus.study;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.training.FineTuneSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a study spec (YAML, docs/experiments.md) into a {@link StudySpec}, refusing anything doubtful before a
 * run is launched: unknown or duplicate keys, missing required fields, wrong types, an unknown backbone, split
 * ratios that do not sum to 1, settings the run kinds' own spec types reject (e.g. Inception-v3 below 75 px).
 * Every error is a {@link StudySpecException} naming the line and the field. Checks that need the database (the
 * cohort and its tasks exist) are made by {@link StudySplits} with the same line information.
 */
public final class StudySpecParser {

    private static final Set<String> TOP = keys("name", "description", "cohort", "split", "tasks", "seed",
            "variants", "statistics");
    private static final Set<String> COHORT = keys("name", "version");
    private static final Set<String> SPLIT = keys("existing", "rule", "ratios", "seed", "stratify", "balance");
    private static final Set<String> TASK = keys("name", "variants");
    private static final Set<String> VARIANTS = keys("finetune", "radiomics", "clinical", "combined");
    private static final Set<String> FINETUNE = keys("defaults", "backbones");
    private static final Set<String> TRAINING = keys("weights", "inputSize", "epochs", "batch", "lr", "momentum",
            "augmentation", "freezeBackbone", "earlyStopping");
    private static final Set<String> RADIOMICS = keys("params", "binWidth", "clip", "label", "filter", "lasso");
    private static final Set<String> FILTER = keys("spearman");
    private static final Set<String> LASSO = keys("cGrid", "folds", "oneSe");
    private static final Set<String> CLINICAL = keys("screeningP", "model");
    private static final Set<String> COMBINED = keys("inputs", "backbone", "pca", "model", "svmCost");
    private static final Set<String> STATISTICS = keys("threshold", "ci", "dca");
    private static final Set<String> DCA = keys("from", "to", "step");

    /** The two split rules the cohort's splitter implements. */
    static final Map<String, double[]> RULES = Map.of("6:2:2", new double[] {0.6, 0.2, 0.2},
            "4:1", new double[] {0.8, 0.2});

    private final String source;
    private final Path baseDir;

    /**
     * @param source  the name errors cite (usually the file name)
     * @param baseDir where relative paths in the spec (params files, weights) are resolved; null: working dir
     */
    public StudySpecParser(String source, Path baseDir) {
        this.source = source;
        this.baseDir = baseDir == null ? Path.of("").toAbsolutePath() : baseDir.toAbsolutePath();
    }

    /** Reads a spec file; relative paths inside it are resolved against the file's folder. */
    public static StudySpec read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.io.IOException e) {
            throw new StudySpecException(file.toString(), 0, "", "cannot read the file: " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return new StudySpecParser(file.getFileName().toString(), dir).parse(text);
    }

    public StudySpec parse(String yamlText) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new StudySpecException(source, line, "", "not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new StudySpecException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new StudySpecException(source, 1, "", "the spec is empty");
        }
        Map<String, Integer> lines = new LinkedHashMap<>();
        YamlSection top = new YamlSection(source, "", root, TOP, lines);
        String name = top.text("name").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw top.error("name", "the study name must have 1–200 characters");
        }
        StudySpec.CohortRef cohort = cohort(top);
        StudySpec.SplitRule split = split(top);
        long seed = top.optLong("seed") == null ? 42L : top.optLong("seed");

        YamlSection variants = top.section("variants", VARIANTS);
        List<StudySpec.Finetune> finetune = finetune(variants);
        StudySpec.Radiomics radiomics = radiomics(variants);
        StudySpec.Clinical clinical = clinical(variants);
        StudySpec.Combined combined = combined(variants, finetune);
        if (variants.keys().isEmpty()) {
            throw variants.errorHere("name at least one of finetune, radiomics, "
                    + "clinical, combined");
        }
        Set<StudySpec.Variant> requested = EnumSet.noneOf(StudySpec.Variant.class);
        if (!finetune.isEmpty()) {
            requested.add(StudySpec.Variant.FINETUNE);
        }
        if (radiomics != null) {
            requested.add(StudySpec.Variant.RADIOMICS);
        }
        if (clinical != null) {
            requested.add(StudySpec.Variant.CLINICAL);
        }
        if (combined != null) {
            requested.add(StudySpec.Variant.COMBINED);
        }
        List<StudySpec.TaskSpec> tasks = tasks(top, requested, lines);
        StudySpec.Statistics statistics = statistics(top);
        return new StudySpec(name, top.optText("description"), cohort, split, tasks, seed, finetune, radiomics,
                clinical, combined, statistics, lines);
    }

    private StudySpec.CohortRef cohort(YamlSection top) {
        if (!top.has("cohort")) {
            throw top.error("cohort", "'cohort' is required: the cohort's name and version, e.g. "
                    + "{name: \"Demo ALN cohort\", version: 1}");
        }
        YamlSection c = top.section("cohort", COHORT);
        String name = c.text("name").strip();
        Integer version = c.optInt("version");
        if (version != null && version < 1) {
            throw c.error("version", "cohort versions start at 1");
        }
        return new StudySpec.CohortRef(name, version);
    }

    private StudySpec.SplitRule split(YamlSection top) {
        YamlSection s = top.section("split", SPLIT);
        String existing = s.optText("existing");
        String rule = s.optText("rule");
        List<Double> ratios = s.optNumberList("ratios");
        if (existing != null) {
            for (String k : List.of("rule", "ratios", "seed", "balance")) {
                if (s.has(k)) {
                    throw s.error(k, "an existing split takes no '" + k + "' (it is already frozen)");
                }
            }
            return new StudySpec.SplitRule(existing.strip(), null, null, null);
        }
        if (rule == null && ratios == null) {
            throw s.errorHere("give 'existing' (a split's name or hash) or 'rule' (6:2:2 or "
                    + "4:1) with a 'seed'");
        }
        if (rule != null && ratios != null) {
            throw s.error("ratios", "give either 'rule' or 'ratios', not both");
        }
        String field = rule != null ? "rule" : "ratios";
        double[] r;
        if (rule != null) {
            String[] parts = rule.strip().split("\\s*:\\s*");
            r = new double[parts.length];
            try {
                for (int i = 0; i < parts.length; i++) {
                    r[i] = Double.parseDouble(parts[i]);
                }
            } catch (NumberFormatException e) {
                throw s.error("rule", "expected a ratio such as 6:2:2 or 4:1, got '" + rule + "'");
            }
            double sum = java.util.Arrays.stream(r).sum();
            for (int i = 0; i < r.length; i++) {
                r[i] /= sum;
            }
        } else {
            r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
            double sum = java.util.Arrays.stream(r).sum();
            if (Math.abs(sum - 1) > 1e-9) {
                throw s.error("ratios", String.format(Locale.ROOT,
                        "the split ratios must sum to 1, they sum to %s", trim(sum)));
            }
        }
        String matched = null;
        for (Map.Entry<String, double[]> e : RULES.entrySet()) {
            if (e.getValue().length == r.length) {
                boolean same = true;
                for (int i = 0; i < r.length; i++) {
                    same &= Math.abs(e.getValue()[i] - r[i]) < 1e-9;
                }
                if (same) {
                    matched = e.getKey();
                }
            }
        }
        if (matched == null) {
            throw s.error(field, "the splitter implements 6:2:2 (train/validation/test) and 4:1 (train/test), "
                    + "not " + (rule != null ? rule : ratios));
        }
        if (!s.has("seed")) {
            throw s.errorHere("a split rule needs a 'seed' (the split is random)");
        }
        Boolean stratify = s.optBool("stratify");
        if (stratify != null && !stratify) {
            throw s.error("stratify", "splits are always stratified by the task's label (Splitter); remove "
                    + "'stratify: false'");
        }
        List<String> balance = s.optTextList("balance");
        return new StudySpec.SplitRule(null, matched, s.optLong("seed"), balance);
    }

    private List<StudySpec.TaskSpec> tasks(YamlSection top, Set<StudySpec.Variant> requested,
                                           Map<String, Integer> lines) {
        Node node = top.require("tasks");
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw top.error(node, "tasks", "expected a list of the cohort's task names");
        }
        List<StudySpec.TaskSpec> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String path = "tasks[" + i + "]";
            lines.put(path, YamlSection.line(item));
            String name;
            Set<StudySpec.Variant> variants = requested;
            if (item instanceof MappingNode) {
                YamlSection t = new YamlSection(source, path, item, TASK, lines);
                name = t.text("name").strip();
                List<String> vs = t.optTextList("variants");
                if (vs != null) {
                    variants = EnumSet.noneOf(StudySpec.Variant.class);
                    for (String v : vs) {
                        StudySpec.Variant parsed;
                        try {
                            parsed = StudySpec.Variant.valueOf(v.strip().toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw t.error("variants", "unknown variant '" + v
                                    + "' (expected finetune, radiomics, clinical or combined)");
                        }
                        if (!requested.contains(parsed)) {
                            throw t.error("variants", "variant '" + v + "' is not configured under 'variants'");
                        }
                        variants.add(parsed);
                    }
                }
            } else if (item instanceof org.yaml.snakeyaml.nodes.ScalarNode sc && !YamlSection.isNull(sc)) {
                name = sc.getValue().strip();
            } else {
                throw top.error(item, path, "expected a task name or {name: …, variants: […]}");
            }
            if (!names.add(name)) {
                throw top.error(item, path, "task '" + name + "' is listed twice");
            }
            out.add(new StudySpec.TaskSpec(name, variants));
        }
        return out;
    }

    private List<StudySpec.Finetune> finetune(YamlSection variants) {
        YamlSection f = variants.optSection("finetune", FINETUNE);
        if (f == null) {
            return List.of();
        }
        YamlSection defaults = f.optSection("defaults", TRAINING);
        YamlSection backbones = f.section("backbones", keys(allBackboneKeys(f)));
        List<StudySpec.Finetune> out = new ArrayList<>();
        for (String key : backbones.keys()) {
            Architecture arch;
            try {
                arch = Architecture.parse(key);
            } catch (IllegalArgumentException e) {
                throw new StudySpecException(source, backbones.keyLine(key), backbones.field(key), e.getMessage());
            }
            YamlSection b = backbones.optSection(key, TRAINING);
            if (out.stream().anyMatch(o -> o.backbone().equals(arch.torchvisionName()))) {
                throw new StudySpecException(source, backbones.keyLine(key), backbones.field(key),
                        "backbone " + arch.torchvisionName() + " is listed twice");
            }
            out.add(training(arch, defaults, b, backbones.keyLine(key), backbones.field(key)));
        }
        if (out.isEmpty()) {
            throw f.error("backbones", "list at least one backbone (resnet50, resnet101, wide_resnet50_2, vgg19, "
                    + "inception_v3)");
        }
        return out;
    }

    /** Every key of the backbones mapping is accepted here; each is checked as a backbone name by the caller. */
    private static String[] allBackboneKeys(YamlSection f) {
        Node n = f.value("backbones");
        List<String> names = new ArrayList<>();
        if (n instanceof MappingNode m) {
            m.getValue().forEach(t -> {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode s) {
                    names.add(s.getValue());
                }
            });
        }
        return names.toArray(String[]::new);
    }

    private StudySpec.Finetune training(Architecture arch, YamlSection defaults, YamlSection own, int line,
                                        String field) {
        FineTuneSpec d = FineTuneSpec.defaults("x", "x", "x", arch.torchvisionName());
        String weights = pick(own, defaults, "weights", YamlSection::optText);
        if (weights != null) {
            Path w = baseDir.resolve(weights).normalize();
            if (!Files.isRegularFile(w)) {
                YamlSection where = own != null && own.has("weights") ? own : defaults;
                throw where.error("weights", "no weights file " + w);
            }
            weights = w.toString();
        }
        Integer size = pick(own, defaults, "inputSize", YamlSection::optInt);
        Integer epochs = pick(own, defaults, "epochs", YamlSection::optInt);
        Integer batch = pick(own, defaults, "batch", YamlSection::optInt);
        Double lr = pick(own, defaults, "lr", YamlSection::optDouble);
        Double momentum = pick(own, defaults, "momentum", YamlSection::optDouble);
        Boolean aug = pick(own, defaults, "augmentation", YamlSection::optBool);
        Boolean freeze = pick(own, defaults, "freezeBackbone", YamlSection::optBool);
        Integer patience = pick(own, defaults, "earlyStopping", YamlSection::optInt);
        StudySpec.Finetune f = new StudySpec.Finetune(arch.torchvisionName(), weights, size == null ? 0 : size,
                epochs == null ? d.epochs() : epochs, batch == null ? d.batchSize() : batch,
                lr == null ? d.lr() : lr, momentum == null ? d.momentum() : momentum,
                aug == null ? d.augmentation() : aug, freeze == null ? d.freezeBackbone() : freeze,
                patience == null ? d.earlyStoppingPatience() : patience);
        try {
            // The run kind's own spec type is the judge of its settings (sizes, ranges).
            StudyPlanner.fineTuneSpec(f, "x", "x", "x", 0);
        } catch (IllegalArgumentException e) {
            throw new StudySpecException(source, line, field, e.getMessage());
        }
        return f;
    }

    private StudySpec.Radiomics radiomics(YamlSection variants) {
        YamlSection r = variants.optSection("radiomics", RADIOMICS);
        if (r == null) {
            return null;
        }
        String params = r.optText("params");
        if (params != null) {
            Path p = baseDir.resolve(params).normalize();
            if (!Files.isRegularFile(p)) {
                throw r.error("params", "no pyradiomics parameter file " + p);
            }
            params = p.toString();
        }
        YamlSection filter = r.optSection("filter", FILTER);
        Double spearman = filter == null ? null : filter.optDouble("spearman");
        YamlSection l = r.optSection("lasso", LASSO);
        StudySpec.Lasso lasso = l == null ? StudySpec.Lasso.DEFAULT
                : new StudySpec.Lasso(l.optNumberList("cGrid"), l.optInt("folds"), l.optBool("oneSe"));
        if (lasso.folds() != null && lasso.folds() < 2) {
            throw l.error("folds", "LASSO cross-validation needs at least 2 folds");
        }
        StudySpec.Radiomics spec = new StudySpec.Radiomics(params, r.optDouble("binWidth"), r.optText("clip"),
                r.optInt("label"), spearman, lasso);
        try {
            StudyPlanner.classicalSpec(spec, null, null, "x", "x", "x", 0);
        } catch (IllegalArgumentException e) {
            throw r.errorHere(e.getMessage());
        }
        return spec;
    }

    private StudySpec.Clinical clinical(YamlSection variants) {
        YamlSection c = variants.optSection("clinical", CLINICAL);
        if (c == null) {
            return null;
        }
        Double p = c.optDouble("screeningP");
        if (p != null && !(p > 0 && p <= 1)) {
            throw c.error("screeningP", "the screening level must be in (0, 1], got " + trim(p));
        }
        String model = c.optText("model");
        if (model != null && !model.strip().equalsIgnoreCase("lasso")) {
            throw c.error("model", "the clinical model is univariate screening → LASSO-CV logistic regression "
                    + "('lasso'); '" + model + "' is not implemented");
        }
        return new StudySpec.Clinical(p, "lasso");
    }

    private StudySpec.Combined combined(YamlSection variants, List<StudySpec.Finetune> finetune) {
        YamlSection c = variants.optSection("combined", COMBINED);
        if (c == null) {
            return null;
        }
        List<String> inputs = c.optTextList("inputs");
        if (inputs == null) {
            inputs = c.has("backbone") ? List.of("clinical", "radiomics", "deep") : List.of("clinical", "radiomics");
        }
        inputs = inputs.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        for (String in : inputs) {
            if (!List.of("clinical", "radiomics", "deep").contains(in)) {
                throw c.error("inputs", "unknown input '" + in + "' (expected clinical, radiomics, deep)");
            }
        }
        if (!inputs.contains("clinical") || !inputs.contains("radiomics")) {
            throw c.error("inputs", "the combined model always uses the clinical variables and the radiomics "
                    + "signature; list both (and 'deep' with a backbone)");
        }
        String backbone = c.optText("backbone");
        if (inputs.contains("deep") != (backbone != null)) {
            throw c.error(backbone == null ? "inputs" : "backbone",
                    "deep features need a 'backbone' and a backbone needs 'deep' among the inputs");
        }
        if (backbone != null) {
            Architecture arch;
            try {
                arch = Architecture.parse(backbone.strip());
            } catch (IllegalArgumentException e) {
                throw c.error("backbone", e.getMessage());
            }
            backbone = arch.torchvisionName();
            String b = backbone;
            if (finetune.stream().noneMatch(f -> f.backbone().equals(b))) {
                throw c.error("backbone", "backbone " + b + " is not fine-tuned in this study (add it under "
                        + "variants.finetune.backbones)");
            }
        }
        Integer pca = c.optInt("pca");
        if (pca != null && pca < 1) {
            throw c.error("pca", "PCA needs at least 1 component");
        }
        String model = c.optText("model");
        model = model == null ? "auto" : model.strip().toLowerCase(Locale.ROOT);
        if (!List.of("svm", "lr", "auto").contains(model)) {
            throw c.error("model", "expected svm, lr or auto, got '" + model + "'");
        }
        Double cost = c.optDouble("svmCost");
        if (cost != null && !(cost > 0)) {
            throw c.error("svmCost", "the SVM cost must be > 0");
        }
        return new StudySpec.Combined(inputs, backbone, pca == null ? 128 : pca, model, cost);
    }

    private StudySpec.Statistics statistics(YamlSection top) {
        YamlSection s = top.optSection("statistics", STATISTICS);
        if (s == null) {
            return StudySpec.Statistics.DEFAULT;
        }
        StudySpec.Statistics d = StudySpec.Statistics.DEFAULT;
        String threshold = s.optText("threshold");
        threshold = threshold == null ? d.threshold() : threshold.strip().toLowerCase(Locale.ROOT);
        if (!List.of("training-youden", "own-youden").contains(threshold)) {
            throw s.error("threshold", "expected training-youden or own-youden, got '" + threshold + "'");
        }
        String ci = s.optText("ci");
        ci = ci == null ? d.ci() : ci.strip().toLowerCase(Locale.ROOT);
        if (!ci.equals("delong")) {
            throw s.error("ci", "the comparison's AUC confidence intervals are DeLong's ('delong'); '" + ci
                    + "' is not implemented there");
        }
        YamlSection dca = s.optSection("dca", DCA);
        double from = d.dcaFrom();
        double to = d.dcaTo();
        double step = d.dcaStep();
        if (dca != null) {
            from = dca.optDouble("from") == null ? from : dca.optDouble("from");
            to = dca.optDouble("to") == null ? to : dca.optDouble("to");
            step = dca.optDouble("step") == null ? step : dca.optDouble("step");
            if (!(from >= 0 && from < to && to <= 1 && step > 0 && step <= to - from)) {
                throw dca.errorHere("need 0 ≤ from < to ≤ 1 and 0 < step ≤ to − from");
            }
        }
        return new StudySpec.Statistics(threshold, ci, from, to, step);
    }

    private static <T> T pick(YamlSection own, YamlSection defaults, String key,
                              java.util.function.BiFunction<YamlSection, String, T> get) {
        if (own != null && own.has(key)) {
            return get.apply(own, key);
        }
        return defaults != null && defaults.has(key) ? get.apply(defaults, key) : null;
    }

    private static String trim(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(10)).stripTrailingZeros()
                .toPlainString();
    }

    private static Set<String> keys(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
