package nodus.radiomics.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;

/**
 * Reads the {@code imageType} section of a pyradiomics parameter file (already parsed from YAML) into the ordered
 * list of image types to compute, and runs them. Semantics of pyradiomics 3.0.1 {@code featureextractor}:
 * <ul>
 *   <li>an absent or empty section means {@code {Original: {}}};</li>
 *   <li>otherwise exactly the listed types, in the file's order (the original image only if {@code Original} is
 *       listed);</li>
 *   <li>each type's settings = the {@code setting} section updated with the type's own entries.</li>
 * </ul>
 * Example: {@code {Original: {}, LoG: {sigma: [1.0, 2.0]}, Wavelet: {}}} yields {@code original},
 * {@code log-sigma-1-0-mm-3D}, {@code log-sigma-2-0-mm-3D}, {@code wavelet-LH}, {@code wavelet-HL},
 * {@code wavelet-HH}, {@code wavelet-LL}.
 */
public final class ImageTypes {

    /** pyradiomics image types Nodus implements. */
    static final List<String> SUPPORTED = List.of("Original", "Wavelet", "LoG", "Square", "SquareRoot",
            "Logarithm", "Exponential", "Gradient");

    private ImageTypes() {
    }

    /**
     * The enabled image types of an {@code imageType} section, in order: the section as parsed from YAML, name →
     * mapping of custom settings; a {@code null} entry value (YAML {@code Original:}) means no custom settings.
     *
     * @throws IllegalArgumentException naming the image type or setting that pyradiomics would reject, or LBP
     *                                  (not implemented by Nodus)
     */
    public static List<ImageType> fromParameters(Map<String, ?> imageTypeSection) {
        if (imageTypeSection == null || imageTypeSection.isEmpty()) {
            return List.of(new ImageType("Original", Map.of()));
        }
        List<ImageType> types = new ArrayList<>();
        imageTypeSection.forEach((name, custom) -> types.add(new ImageType(name, customSettings(name, custom))));
        return List.copyOf(types);
    }

    /** Accepts the raw YAML value (a mapping, or null for no custom settings). */
    private static Map<String, Object> customSettings(String type, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("imageType " + type + ": settings must be a mapping, got " + value);
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * The image-type names (feature-name prefixes) these types yield for a large enough image, in order, e.g.
     * {@code [original, log-sigma-1-0-mm-3D, wavelet-LH, …]}.
     */
    public static List<String> imageTypeNames(List<ImageType> types, Map<String, Object> settings) {
        List<String> names = new ArrayList<>();
        for (ImageType t : types) {
            names.addAll(t.filter(settings).imageTypeNames());
        }
        return names;
    }

    /** Computes every derived image of every type, in order. */
    public static List<FilteredImage> computeAll(GrayImage image, List<ImageType> types,
            Map<String, Object> settings) {
        List<FilteredImage> out = new ArrayList<>();
        for (ImageType t : types) {
            out.addAll(t.apply(image, settings));
        }
        return out;
    }

    static ImageFilter filterFor(String name, Map<String, Object> s) {
        return switch (name) {
            case "Original" -> new OriginalFilter();
            case "LoG" -> new LaplacianOfGaussianFilter(sigmas(s.get("sigma")));
            case "Wavelet" -> new WaveletFilter(
                    string(s, "wavelet", "coif1"), integer(s, "level", 1), integer(s, "start_level", 0),
                    bool(s, "force2D", false), integer(s, "force2Ddimension", 0));
            case "Square" -> new SquareFilter();
            case "SquareRoot" -> new SquareRootFilter();
            case "Logarithm" -> new LogarithmFilter();
            case "Exponential" -> new ExponentialFilter();
            case "Gradient" -> new GradientFilter(bool(s, "gradientUseSpacing", true));
            default -> throw new IllegalArgumentException(unknownTypeMessage(name));
        };
    }

    static String unknownTypeMessage(String name) {
        if ("LBP2D".equals(name) || "LBP3D".equals(name)) {
            return "imageType " + name + " (local binary patterns) is not supported by Nodus";
        }
        return "imageType '" + name + "' is not a pyradiomics image type; use one of " + SUPPORTED;
    }

    /** pyradiomics: no sigma → no LoG image (it only logs a warning). */
    private static List<Number> sigmas(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("setting sigma must be a list of numbers (mm), got " + value);
        }
        List<Number> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Number n) || !(n.doubleValue() > 0)) {
                throw new IllegalArgumentException("setting sigma: each value must be a number > 0 (mm), got " + o);
            }
            out.add(n);
        }
        return out;
    }

    private static int integer(Map<String, Object> s, String key, int dflt) {
        Object v = s.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).intValue();
        }
        throw new IllegalArgumentException("setting " + key + " must be an integer, got " + v);
    }

    private static boolean bool(Map<String, Object> s, String key, boolean dflt) {
        Object v = s.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("setting " + key + " must be true or false, got " + v);
    }

    private static String string(Map<String, Object> s, String key, String dflt) {
        Object v = s.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String str) {
            return str;
        }
        throw new IllegalArgumentException("setting " + key + " must be a string, got " + v);
    }
}
