package nodus.radiomics;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a pyradiomics parameter file (YAML with the top-level keys {@code imageType}, {@code featureClass},
 * {@code setting} and {@code voxelSetting}) into {@link RadiomicsSettings}, so researchers can reuse their configs.
 *
 * <p>Rules follow pyradiomics 3.x ({@code _applyParams}): a missing or empty {@code imageType} means
 * {@code Original} only; a missing or empty {@code featureClass} means every class; a class with no list means all
 * its default features. normalize, normalizeScale, removeOutliers, resegmentRange, resegmentMode and resegmentShape
 * are applied as pyradiomics does ({@link Preprocessing}). Settings Nodus accepts without effect (they do nothing for
 * a 2D, segment-based extraction on a mask on the image's grid): force2D, force2Ddimension, additionalInfo,
 * enableCExtensions, geometryTolerance, correctMask, preCrop, padDistance, interpolator, and the whole
 * {@code voxelSetting} section. Settings that would change values but are not implemented (resampledPixelSpacing,
 * weightingNorm, label_channel ≠ 0) are refused. Any other key is an error naming the key.
 */
public final class RadiomicsParamsYaml {

    private static final Set<String> TOP_KEYS = Set.of("imageType", "featureClass", "setting", "voxelSetting");
    private static final Set<String> NO_EFFECT = Set.of("force2D", "force2Ddimension", "additionalInfo",
            "enableCExtensions", "geometryTolerance", "correctMask", "preCrop", "padDistance", "interpolator");

    private RadiomicsParamsYaml() {
    }

    /** Reads a parameter file on top of {@code base} (e.g. to keep the clip mode chosen on the command line). */
    public static RadiomicsSettings read(Path file, RadiomicsSettings.Builder base) {
        Object root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read parameter file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("parameter file " + file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        try {
            return parse(root, base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter file " + file + ": " + e.getMessage(), e);
        }
    }

    public static RadiomicsSettings read(Path file) {
        return read(file, RadiomicsSettings.builder());
    }

    static RadiomicsSettings parse(Object root, RadiomicsSettings.Builder b) {
        Map<String, Object> top = root == null ? Map.of() : asMap(root, "the file");
        for (String k : top.keySet()) {
            if (!TOP_KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown top-level key '" + k
                        + "' (expected imageType, featureClass, setting, voxelSetting)");
            }
        }
        Map<String, Object> settings = top.get("setting") == null ? Map.of() : asMap(top.get("setting"), "setting");
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            applySetting(b, e.getKey(), e.getValue());
        }
        if (top.get("voxelSetting") != null) {
            asMap(top.get("voxelSetting"), "voxelSetting"); // accepted, used only by voxel-based extraction
        }
        Map<String, Object> types = top.get("imageType") == null ? Map.of() : asMap(top.get("imageType"),
                "imageType");
        Map<String, Map<String, Object>> imageTypes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : types.entrySet()) {
            Map<String, Object> custom = e.getValue() == null ? Map.of()
                    : asMap(e.getValue(), "imageType." + e.getKey());
            for (Map.Entry<String, Object> c : custom.entrySet()) {
                // validate the override keys now, so a typo fails at load time
                if (!RadiomicsSettings.FILTER_KEYS.contains(c.getKey())) {
                    applySetting(RadiomicsSettings.builder(), c.getKey(), c.getValue());
                }
            }
            imageTypes.put(e.getKey(), custom);
        }
        if (imageTypes.isEmpty()) {
            imageTypes.put("Original", Map.of());
        }
        b.optImageTypes(imageTypes);
        Map<String, Object> classes = top.get("featureClass") == null ? Map.of() : asMap(top.get("featureClass"),
                "featureClass");
        Map<FeatureClass, List<String>> enabled = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : classes.entrySet()) {
            FeatureClass c = FeatureClass.byPyName(e.getKey());
            List<String> names = new ArrayList<>();
            if (e.getValue() != null) {
                if (!(e.getValue() instanceof List<?> l)) {
                    throw new IllegalArgumentException("featureClass." + e.getKey() + " must be a list of feature "
                            + "names or empty");
                }
                for (Object o : l) {
                    names.add(String.valueOf(o));
                }
            }
            enabled.put(c, names);
        }
        if (enabled.isEmpty()) {
            for (FeatureClass c : FeatureClass.values()) {
                enabled.put(c, List.of());
            }
        }
        b.optEnabledFeatures(enabled);
        return b.build();
    }

    /** Applies one pyradiomics setting to a builder; unknown or unsupported keys are errors naming the key. */
    static void applySetting(RadiomicsSettings.Builder b, String key, Object v) {
        switch (key) {
            case "binWidth" -> b.optBinWidth(number(key, v));
            case "binCount" -> b.optBinCount(v == null ? null : integer(key, v));
            case "label" -> b.optLabel(integer(key, v));
            case "voxelArrayShift" -> b.optVoxelArrayShift(number(key, v));
            case "distances" -> {
                if (!(v instanceof List<?> l)) {
                    throw new IllegalArgumentException("setting 'distances' must be a list of integers, got " + v);
                }
                List<Integer> d = new ArrayList<>();
                for (Object o : l) {
                    d.add(integer(key, o));
                }
                b.optDistances(d);
            }
            case "symmetricalGLCM" -> b.optSymmetricalGLCM(bool(key, v));
            case "gldm_a" -> b.optGldmA(integer(key, v));
            case "minimumROIDimensions" -> b.optMinimumROIDimensions(integer(key, v));
            case "minimumROISize" -> b.optMinimumROISize(v == null ? null : integer(key, v));
            case "normalize" -> b.optPreprocessing(b.preprocessing.withNormalize(bool(key, v)));
            case "normalizeScale" -> b.optPreprocessing(b.preprocessing.withNormalizeScale(number(key, v)));
            case "removeOutliers" -> b.optPreprocessing(b.preprocessing.withRemoveOutliers(
                    v == null ? null : number(key, v)));
            case "resegmentRange" -> {
                List<Double> r = null;
                if (v != null) {
                    if (!(v instanceof List<?> l)) {
                        throw new IllegalArgumentException("setting 'resegmentRange' must be a list of 1 or 2 "
                                + "numbers, got " + v);
                    }
                    r = new ArrayList<>();
                    for (Object o : l) {
                        r.add(number(key, o));
                    }
                }
                b.optPreprocessing(b.preprocessing.withResegmentRange(r));
            }
            case "resegmentMode" -> b.optPreprocessing(b.preprocessing.withResegmentMode(String.valueOf(v)));
            case "resegmentShape" -> b.optPreprocessing(b.preprocessing.withResegmentShape(bool(key, v)));
            case "resampledPixelSpacing", "weightingNorm" -> {
                if (v != null) {
                    throw new IllegalArgumentException("setting '" + key + "' is not supported by Nodus (only null)");
                }
            }
            case "label_channel" -> {
                if (integer(key, v) != 0) {
                    throw new IllegalArgumentException("setting 'label_channel' must be 0 (masks are single-channel)");
                }
            }
            case "kernelRadius", "maskedKernel", "initValue", "voxelBatch" -> {
                // voxel-based settings: no effect on segment-based extraction
            }
            default -> {
                if (RadiomicsSettings.FILTER_KEYS.contains(key)) {
                    b.optFilterOption(key, v);
                } else if (!NO_EFFECT.contains(key)) {
                    throw new IllegalArgumentException("unknown setting '" + key + "'");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String where) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " must be a mapping, got " + o);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static double number(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("setting '" + key + "' must be a number, got " + v);
    }

    private static int integer(String key, Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).intValue();
        }
        throw new IllegalArgumentException("setting '" + key + "' must be an integer, got " + v);
    }

    private static boolean bool(String key, Object v) {
        if (v instanceof Boolean bo) {
            return bo;
        }
        throw new IllegalArgumentException("setting '" + key + "' must be true or false, got " + v);
    }
}
