package nodus.classical.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nodus.classical.CombinedModel;
import nodus.classical.LassoCv;
import nodus.classical.SpearmanFilter;
import nodus.classical.UnivariateScreening;

/**
 * The spec of a classical run (RADIOMICS, CLINICAL or COMBINED; the same spec serves all three so that they are
 * fitted on the same data with the same seeds). JSON, parsed with Jackson; an unknown field is an error. Missing
 * sections and fields take the study's defaults (binWidth 25, image-percentile clipping, Spearman |ρ| &gt; 0.9,
 * C grid 10^(−2 + 0.25 i), 10 stratified folds, screening P &lt; 0.1, PCA 128, model chosen on validation).
 *
 * @param cohortRef cohort and version, e.g. {@code demo@1}
 * @param task      task name, e.g. {@code n0-vs-nplus}
 * @param split     split name or content hash
 * @param seed      seed of the CV folds and of libsvm's Platt folds
 */
public record ClassicalRunSpec(String cohortRef, String task, String split, Long seed, Radiomics radiomics,
                               Lasso lasso, Clinical clinical, Combined combined) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    public ClassicalRunSpec {
        requireText(cohortRef, "cohortRef");
        requireText(task, "task");
        requireText(split, "split");
        seed = seed == null ? 42L : seed;
        radiomics = radiomics == null ? new Radiomics(null, null, null, null, null) : radiomics;
        lasso = lasso == null ? new Lasso(null, null, null) : lasso;
        clinical = clinical == null ? new Clinical(null) : clinical;
        combined = combined == null ? new Combined(null, null, null, null, null) : combined;
    }

    /** The study's defaults for a cohort, task, split and seed. */
    public static ClassicalRunSpec defaults(String cohortRef, String task, String split, long seed) {
        return new ClassicalRunSpec(cohortRef, task, split, seed, null, null, null, null);
    }

    /**
     * Radiomics extraction.
     *
     * @param paramsYaml        a pyradiomics parameter file (its settings win over binWidth), or null
     * @param binWidth          fixed bin width (grey levels), default 25
     * @param clip              image | lesion | none, default image (0.5–99.5 percentiles of the whole image)
     * @param label             mask label (null = any non-zero pixel)
     * @param spearmanThreshold |ρ| above which features are redundant, default 0.9
     */
    public record Radiomics(String paramsYaml, Double binWidth, String clip, Integer label, Double spearmanThreshold) {
        public Radiomics {
            binWidth = binWidth == null ? 25.0 : binWidth;
            clip = clip == null ? "image" : clip.toLowerCase(Locale.ROOT);
            if (!List.of("image", "lesion", "none").contains(clip)) {
                throw new IllegalArgumentException("radiomics.clip must be image, lesion or none, got '" + clip + "'");
            }
            spearmanThreshold = spearmanThreshold == null ? SpearmanFilter.DEFAULT_THRESHOLD : spearmanThreshold;
            if (!(binWidth > 0) || !(spearmanThreshold > 0 && spearmanThreshold < 1)) {
                throw new IllegalArgumentException("radiomics: binWidth must be > 0 and spearmanThreshold in (0,1)");
            }
        }
    }

    /**
     * LASSO logistic regression with the penalty chosen by stratified CV on TRAIN.
     *
     * @param cGrid ascending C values (default numpy logspace(−2, 1, 13))
     * @param folds stratified folds, default 10
     * @param oneSe use the 1-SE rule instead of the maximum mean AUC
     */
    public record Lasso(List<Double> cGrid, Integer folds, Boolean oneSe) {
        public Lasso {
            cGrid = cGrid == null ? null : List.copyOf(cGrid);
            folds = folds == null ? 10 : folds;
            oneSe = oneSe != null && oneSe;
        }

        LassoCv.Spec toCv(long seed) {
            LassoCv.Spec std = LassoCv.Spec.standard(seed);
            double[] grid = cGrid == null ? std.cGrid() : cGrid.stream().mapToDouble(Double::doubleValue).toArray();
            return new LassoCv.Spec(grid, folds, std.eps(), std.maxIterations(), seed,
                    oneSe ? LassoCv.Rule.ONE_SE : LassoCv.Rule.MAX_MEAN_AUC, std.aggregate());
        }
    }

    /** @param screeningP univariate screening level on TRAIN (keep P &lt; this), default 0.1 */
    public record Clinical(Double screeningP) {
        public Clinical {
            screeningP = screeningP == null ? UnivariateScreening.DEFAULT_ALPHA : screeningP;
            if (!(screeningP > 0 && screeningP <= 1)) {
                throw new IllegalArgumentException("clinical.screeningP must be in (0, 1]");
            }
        }
    }

    /**
     * The combined model.
     *
     * @param deepFeatureRunId the FINETUNE run whose per-case deep features are used, or null (clinical + signature)
     * @param pcaComponents    principal components of the deep features (128 in the study; capped at n_train − 1)
     * @param model            SVM, LR or AUTO (the higher VALIDATION AUC)
     * @param chooseOn         the part on which SVM vs LR is chosen: only VALIDATION is allowed (TEST is refused)
     * @param svmCost          C of the RBF SVM, default 1
     */
    public record Combined(Long deepFeatureRunId, Integer pcaComponents, CombinedModel.Mode model, String chooseOn,
                           Double svmCost) {
        public Combined {
            pcaComponents = pcaComponents == null ? 128 : pcaComponents;
            model = model == null ? CombinedModel.Mode.AUTO : model;
            chooseOn = chooseOn == null ? "VALIDATION" : chooseOn.toUpperCase(Locale.ROOT);
            svmCost = svmCost == null ? 1.0 : svmCost;
            if (pcaComponents < 1) {
                throw new IllegalArgumentException("combined.pcaComponents must be >= 1");
            }
            if (!List.of("TRAIN", "VALIDATION", "TEST").contains(chooseOn)) {
                throw new IllegalArgumentException("combined.chooseOn must be VALIDATION (or TRAIN/TEST, which the "
                        + "leakage guard refuses), got '" + chooseOn + "'");
            }
        }
    }

    public static ClassicalRunSpec parse(String json) {
        try {
            return Objects.requireNonNull(JSON.readValue(json, ClassicalRunSpec.class), "empty spec");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid classical run spec: " + e.getOriginalMessage(), e);
        }
    }

    /** Canonical JSON (sorted keys, defaults filled in): the same spec always gives the same text and hash. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireText(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("classical run spec: '" + name + "' is required");
        }
    }
}
