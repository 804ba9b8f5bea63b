package nodus.radiomics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import nodus.imaging.ClipMode;

/**
 * Everything that decides a feature value, with pyradiomics' names and defaults (pyradiomics 3.x
 * {@code RadiomicsFeatureExtractor._getDefaultSettings} and the feature classes' {@code kwargs.get} defaults).
 *
 * @param binWidth          fixed bin width (pyradiomics {@code binWidth}, default 25), grey units; ignored when
 *                          {@code binCount} is set
 * @param binCount          fixed bin count (pyradiomics {@code binCount}), or {@code null} (default)
 * @param label             the mask value that is lesion (pyradiomics {@code label}); {@code null} = any non-zero
 *                          value (Nodus default, equal to pyradiomics' {@code label: 1} for 0/1 masks)
 * @param voxelArrayShift   added to intensities in Energy, TotalEnergy, RootMeanSquared (default 0), grey units
 * @param distances         neighbour distances (Chebyshev, px) for GLCM, NGTDM and GLDM (default [1])
 * @param symmetricalGLCM   add the transposed GLCM (default true)
 * @param gldmA             GLDM dependence threshold alpha (pyradiomics {@code gldm_a}, default 0), grey levels
 * @param minimumROIDimensions the ROI must extend over at least this many dimensions (default 2)
 * @param minimumROISize    the ROI must have more than this many pixels, or {@code null} (default: no check)
 * @param clip              Nodus preprocessing before any filter: clipping to the 0.5–99.5 percentiles of the
 *                          image (default, as the study), of the lesion, or none (values as pyradiomics sees them)
 * @param enabledFeatures   feature class → features (empty list = all default features of the class), in output order
 * @param imageTypes        pyradiomics image type ({@code Original}, {@code LoG}, {@code Wavelet}, …) → its custom
 *                          settings (filter parameters such as {@code sigma}, or overrides such as {@code binWidth})
 * @param filterOptions     filter parameters given in the {@code setting} section ({@code sigma}, {@code wavelet},
 *                          {@code start_level}, …), passed to the image-type provider untouched
 * @param preprocessing     pyradiomics' optional normalisation and re-segmentation (default: none)
 */
public record RadiomicsSettings(double binWidth, Integer binCount, Integer label, double voxelArrayShift,
                                List<Integer> distances, boolean symmetricalGLCM, int gldmA,
                                int minimumROIDimensions, Integer minimumROISize, ClipMode clip,
                                Map<FeatureClass, List<String>> enabledFeatures,
                                Map<String, Map<String, Object>> imageTypes,
                                Map<String, Object> filterOptions, Preprocessing preprocessing) {

    /** pyradiomics' image types (names of its {@code get<Type>Image} generators). */
    public static final Set<String> IMAGE_TYPES = Set.of("Original", "LoG", "Wavelet", "Square", "SquareRoot",
            "Logarithm", "Exponential", "Gradient", "LBP2D", "LBP3D");

    /** Setting keys that are filter parameters, handed to the image-type provider. */
    public static final Set<String> FILTER_KEYS = Set.of("sigma", "start_level", "level", "wavelet",
            "gradientUseSpacing", "lbp2DRadius", "lbp2DSamples", "lbp2DMethod", "lbp3DLevels",
            "lbp3DIcosphereRadius", "lbp3DIcosphereSubdivision");

    public RadiomicsSettings {
        if (!(binWidth > 0) || Double.isInfinite(binWidth)) {
            throw new IllegalArgumentException("binWidth must be > 0, got " + binWidth);
        }
        if (binCount != null && binCount < 1) {
            throw new IllegalArgumentException("binCount must be ≥ 1, got " + binCount);
        }
        if (label != null && label < 1) {
            throw new IllegalArgumentException("label must be ≥ 1, got " + label);
        }
        if (!Double.isFinite(voxelArrayShift)) {
            throw new IllegalArgumentException("voxelArrayShift must be finite, got " + voxelArrayShift);
        }
        distances = List.copyOf(Objects.requireNonNull(distances, "distances"));
        if (distances.isEmpty() || distances.stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("distances must be ≥ 1 px, got " + distances);
        }
        if (gldmA < 0) {
            throw new IllegalArgumentException("gldm_a must be ≥ 0, got " + gldmA);
        }
        if (minimumROIDimensions < 1 || minimumROIDimensions > 3) {
            throw new IllegalArgumentException("minimumROIDimensions must be 1..3, got " + minimumROIDimensions);
        }
        if (minimumROISize != null && minimumROISize < 1) {
            throw new IllegalArgumentException("minimumROISize must be > 0, got " + minimumROISize);
        }
        Objects.requireNonNull(clip, "clip");
        Map<FeatureClass, List<String>> ef = new LinkedHashMap<>();
        for (Map.Entry<FeatureClass, List<String>> e : enabledFeatures.entrySet()) {
            for (String f : e.getValue()) {
                if (!e.getKey().knows(f)) {
                    throw new IllegalArgumentException("featureClass " + e.getKey().pyName()
                            + " has no feature '" + f + "'");
                }
            }
            ef.put(e.getKey(), List.copyOf(e.getValue()));
        }
        if (ef.isEmpty()) {
            throw new IllegalArgumentException("no feature class enabled");
        }
        enabledFeatures = Collections.unmodifiableMap(ef);
        Map<String, Map<String, Object>> it = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : imageTypes.entrySet()) {
            if (!IMAGE_TYPES.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown imageType '" + e.getKey() + "' (known: "
                        + new java.util.TreeSet<>(IMAGE_TYPES) + ")");
            }
            it.put(e.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(e.getValue())));
        }
        if (it.isEmpty()) {
            throw new IllegalArgumentException("no imageType enabled");
        }
        imageTypes = Collections.unmodifiableMap(it);
        filterOptions = Collections.unmodifiableMap(new LinkedHashMap<>(filterOptions));
        Objects.requireNonNull(preprocessing, "preprocessing");
    }

    /** pyradiomics' defaults, all 2D feature classes, the original image only, clipping to the image's percentiles. */
    public static RadiomicsSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.binWidth = binWidth;
        b.binCount = binCount;
        b.label = label;
        b.voxelArrayShift = voxelArrayShift;
        b.distances = distances;
        b.symmetricalGLCM = symmetricalGLCM;
        b.gldmA = gldmA;
        b.minimumROIDimensions = minimumROIDimensions;
        b.minimumROISize = minimumROISize;
        b.clip = clip;
        b.enabledFeatures = new LinkedHashMap<>(enabledFeatures);
        b.imageTypes = new LinkedHashMap<>(imageTypes);
        b.filterOptions = new LinkedHashMap<>(filterOptions);
        b.preprocessing = preprocessing;
        return b;
    }

    /**
     * These settings with an image type's custom settings applied, as pyradiomics does
     * ({@code args = settings.copy(); args.update(customKwargs)}); filter parameters are ignored here.
     */
    public RadiomicsSettings withOverrides(Map<String, Object> custom) {
        if (custom.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        for (Map.Entry<String, Object> e : custom.entrySet()) {
            if (!FILTER_KEYS.contains(e.getKey())) {
                RadiomicsParamsYaml.applySetting(b, e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    /** The features of one class to output, in order; empty if the class is not enabled. */
    public List<String> featuresOf(FeatureClass c) {
        List<String> named = enabledFeatures.get(c);
        if (named == null) {
            return List.of();
        }
        if (named.isEmpty()) {
            return c.features();
        }
        List<String> out = new ArrayList<>();
        for (String f : named) {
            if (!c.removed().contains(f) && !out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * A SHA-256 of a canonical text of every setting (sorted keys), identifying the feature table these settings make.
     */
    public String hash() {
        Map<String, Object> canon = new TreeMap<>();
        canon.put("binWidth", Double.toString(binWidth));
        canon.put("binCount", String.valueOf(binCount));
        canon.put("label", String.valueOf(label));
        canon.put("voxelArrayShift", Double.toString(voxelArrayShift));
        canon.put("distances", distances.toString());
        canon.put("symmetricalGLCM", Boolean.toString(symmetricalGLCM));
        canon.put("gldm_a", Integer.toString(gldmA));
        canon.put("minimumROIDimensions", Integer.toString(minimumROIDimensions));
        canon.put("minimumROISize", String.valueOf(minimumROISize));
        canon.put("clip", clip.cliName());
        Map<String, String> ef = new LinkedHashMap<>();
        enabledFeatures.forEach((k, v) -> ef.put(k.pyName(), v.toString()));
        canon.put("featureClass", ef.toString());
        canon.put("imageType", canonical(imageTypes));
        canon.put("filterOptions", canonical(filterOptions));
        canon.put("preprocessing", preprocessing.toString());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canon.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, String> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted.toString();
        }
        if (o instanceof List<?> l) {
            return l.stream().map(RadiomicsSettings::canonical).toList().toString();
        }
        return String.valueOf(o);
    }

    /** Builder: every field optional, pyradiomics defaults otherwise. */
    public static final class Builder {
        double binWidth = 25;
        Integer binCount;
        Integer label;
        double voxelArrayShift;
        List<Integer> distances = List.of(1);
        boolean symmetricalGLCM = true;
        int gldmA;
        int minimumROIDimensions = 2;
        Integer minimumROISize;
        ClipMode clip = ClipMode.IMAGE;
        Map<FeatureClass, List<String>> enabledFeatures;
        Map<String, Map<String, Object>> imageTypes;
        Map<String, Object> filterOptions = new LinkedHashMap<>();
        Preprocessing preprocessing = Preprocessing.NONE;

        private Builder() {
        }

        public Builder optBinWidth(double v) {
            binWidth = v;
            return this;
        }

        public Builder optBinCount(Integer v) {
            binCount = v;
            return this;
        }

        public Builder optLabel(Integer v) {
            label = v;
            return this;
        }

        public Builder optVoxelArrayShift(double v) {
            voxelArrayShift = v;
            return this;
        }

        public Builder optDistances(List<Integer> v) {
            distances = v;
            return this;
        }

        public Builder optSymmetricalGLCM(boolean v) {
            symmetricalGLCM = v;
            return this;
        }

        public Builder optGldmA(int v) {
            gldmA = v;
            return this;
        }

        public Builder optMinimumROIDimensions(int v) {
            minimumROIDimensions = v;
            return this;
        }

        public Builder optMinimumROISize(Integer v) {
            minimumROISize = v;
            return this;
        }

        public Builder optClip(ClipMode v) {
            clip = v;
            return this;
        }

        /** Feature class → features (empty list = all); replaces the default (all 2D classes). */
        public Builder optEnabledFeatures(Map<FeatureClass, List<String>> v) {
            enabledFeatures = new LinkedHashMap<>(v);
            return this;
        }

        /** Image type → custom settings; replaces the default ({@code Original} only). */
        public Builder optImageTypes(Map<String, Map<String, Object>> v) {
            imageTypes = new LinkedHashMap<>(v);
            return this;
        }

        public Builder optPreprocessing(Preprocessing v) {
            preprocessing = Objects.requireNonNull(v);
            return this;
        }

        public Builder optFilterOption(String key, Object value) {
            filterOptions.put(key, value);
            return this;
        }

        public RadiomicsSettings build() {
            Map<FeatureClass, List<String>> ef = enabledFeatures;
            if (ef == null) {
                ef = new LinkedHashMap<>();
                for (FeatureClass c : FeatureClass.values()) {
                    ef.put(c, List.of());
                }
            }
            Map<String, Map<String, Object>> it = imageTypes;
            if (it == null) {
                it = new LinkedHashMap<>();
                it.put("Original", Map.of());
            }
            return new RadiomicsSettings(binWidth, binCount, label, voxelArrayShift, distances, symmetricalGLCM,
                    gldmA, minimumROIDimensions, minimumROISize, clip, ef, it, filterOptions, preprocessing);
        }
    }
}
