package nodus.deeplearning.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import nodus.deeplearning.backbone.Architecture;

/**
 * What a fine-tuning run trains (issue 7). Defaults follow the reference study's optimiser (Wei et al., QIMS 2023:
 * SGD, learning rate 0.001, momentum 0.9, batch 32) and the backbone's ImageNet input size.
 *
 * @param cohortRef             cohort and version, e.g. {@code demo@1}
 * @param task                  the cohort's task
 * @param split                 split name or content hash
 * @param backbone              resnet50, resnet101, wide_resnet50_2, vgg19 or inception_v3
 * @param weights               pretrained weights file (torchvision {@code .pth} or Nodus checkpoint {@code .json});
 *                              null trains from a seeded random initialisation (flagged {@code pretrained=false})
 * @param imageSize             input side in px (224, 299 for Inception-v3, or smaller; Inception-v3 needs ≥ 75)
 * @param epochs                maximum epochs
 * @param batchSize             images per SGD step
 * @param lr                    learning rate of the head (and of the trunk times {@code backboneLrFactor})
 * @param momentum              SGD momentum (PyTorch's formulation, no dampening)
 * @param weightDecay           L2 penalty added to the gradient (PyTorch's {@code weight_decay})
 * @param freezeBackbone        train only the head
 * @param backboneLrFactor      trunk learning rate = lr × this (1 = same; DJL's transfer-learning example uses 0.1)
 * @param augmentation          flips and small rotations on the training part
 * @param earlyStoppingPatience stop after this many epochs without a better validation AUC (0 = never stop early)
 * @param seed                  seeds initialisation, data order, augmentation and dropout
 */
public record FineTuneSpec(String cohortRef, String task, String split, String backbone, String weights,
                           int imageSize, int epochs, int batchSize, double lr, double momentum, double weightDecay,
                           boolean freezeBackbone, double backboneLrFactor, boolean augmentation,
                           int earlyStoppingPatience, long seed) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public FineTuneSpec {
        require(cohortRef, "cohortRef");
        require(task, "task");
        require(split, "split");
        require(backbone, "backbone");
        Architecture arch = Architecture.parse(backbone);
        backbone = arch.torchvisionName();
        if (weights != null && weights.isBlank()) {
            weights = null;
        }
        if (imageSize <= 0) {
            imageSize = arch.inputSize();
        }
        int min = arch == Architecture.INCEPTION_V3 ? 75 : 32;
        if (imageSize < min || imageSize > 1024) {
            throw new IllegalArgumentException("imageSize must be in " + min + "..1024 px for " + backbone
                    + ", got " + imageSize);
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batchSize must be ≥ 1");
        }
        if (!(lr > 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("need lr > 0, 0 ≤ momentum < 1 and weightDecay ≥ 0");
        }
        if (!(backboneLrFactor >= 0 && backboneLrFactor <= 1)) {
            throw new IllegalArgumentException("backboneLrFactor must be in [0, 1], got " + backboneLrFactor);
        }
        if (earlyStoppingPatience < 0) {
            throw new IllegalArgumentException("earlyStoppingPatience must be ≥ 0");
        }
    }

    /** The study's defaults for everything but where the data come from. */
    public static FineTuneSpec defaults(String cohortRef, String task, String split, String backbone) {
        return new FineTuneSpec(cohortRef, task, split, backbone, null, 0, 30, 32, 0.001, 0.9, 0.0, false, 1.0,
                true, 10, 42);
    }

    public Architecture architecture() {
        return Architecture.parse(backbone);
    }

    public boolean pretrained() {
        return weights != null;
    }

    /** Parses a spec; missing fields take the defaults, unknown fields are errors naming the field. */
    public static FineTuneSpec parse(String json) {
        try {
            Raw r = JSON.readValue(json, Raw.class);
            FineTuneSpec d = defaults("x", "x", "x", r.backbone == null ? "resnet50" : r.backbone);
            return new FineTuneSpec(r.cohortRef, r.task, r.split, r.backbone, r.weights,
                    or(r.imageSize, 0), or(r.epochs, d.epochs), or(r.batchSize, d.batchSize), or(r.lr, d.lr),
                    or(r.momentum, d.momentum), or(r.weightDecay, d.weightDecay),
                    or(r.freezeBackbone, d.freezeBackbone), or(r.backboneLrFactor, d.backboneLrFactor),
                    or(r.augmentation, d.augmentation), or(r.earlyStoppingPatience, d.earlyStoppingPatience),
                    or(r.seed, d.seed));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("fine-tuning spec: " + e.getOriginalMessage(), e);
        }
    }

    /** Canonical JSON (sorted keys, every field), the form a run's spec hash is taken of. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public FineTuneSpec withWeights(String w) {
        return new FineTuneSpec(cohortRef, task, split, backbone, w, imageSize, epochs, batchSize, lr, momentum,
                weightDecay, freezeBackbone, backboneLrFactor, augmentation, earlyStoppingPatience, seed);
    }

    public FineTuneSpec withTraining(int imageSize, int epochs, int batchSize, double lr) {
        return new FineTuneSpec(cohortRef, task, split, backbone, weights, imageSize, epochs, batchSize, lr,
                momentum, weightDecay, freezeBackbone, backboneLrFactor, augmentation, earlyStoppingPatience, seed);
    }

    public FineTuneSpec withSeed(long s) {
        return new FineTuneSpec(cohortRef, task, split, backbone, weights, imageSize, epochs, batchSize, lr,
                momentum, weightDecay, freezeBackbone, backboneLrFactor, augmentation, earlyStoppingPatience, s);
    }

    private static void require(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("fine-tuning spec: '" + name + "' is required");
        }
    }

    private static <T> T or(T v, T d) {
        return v == null ? d : v;
    }

    /** The JSON form with every field optional (boxed), so defaults can be told from given values. */
    private record Raw(String cohortRef, String task, String split, String backbone, String weights,
                       Integer imageSize, Integer epochs, Integer batchSize, Double lr, Double momentum,
                       Double weightDecay, Boolean freezeBackbone, Double backboneLrFactor, Boolean augmentation,
                       Integer earlyStoppingPatience, Long seed) {
    }
}
