package nodus.radiomics;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The 2D feature classes of pyradiomics, with pyradiomics' class names (the middle part of a feature name such as
 * {@code original_glcm_Contrast}) and their feature names in pyradiomics' output order (alphabetical by the Python
 * method name {@code get<Name>FeatureValue}, hence {@code MeanAbsoluteDeviation} before {@code Mean}).
 * Deprecated features are not computed by default (as pyradiomics); those pyradiomics can still compute when named
 * explicitly are listed in {@link #explicitOnly()}.
 */
public enum FeatureClass {
    SHAPE2D("shape2D", List.of("Elongation", "MajorAxisLength", "MaximumDiameter", "MeshSurface",
            "MinorAxisLength", "Perimeter", "PerimeterSurfaceRatio", "PixelSurface", "Sphericity"),
            Set.of("SphericalDisproportion"), Set.of()),
    FIRSTORDER("firstorder", List.of("10Percentile", "90Percentile", "Energy", "Entropy", "InterquartileRange",
            "Kurtosis", "Maximum", "Mean", "MeanAbsoluteDeviation", "Median", "Minimum", "Range",
            "RobustMeanAbsoluteDeviation", "RootMeanSquared", "Skewness", "TotalEnergy", "Uniformity", "Variance"),
            Set.of("StandardDeviation"), Set.of()),
    GLCM("glcm", List.of("Autocorrelation", "ClusterProminence", "ClusterShade", "ClusterTendency", "Contrast",
            "Correlation", "DifferenceAverage", "DifferenceEntropy", "DifferenceVariance", "Id", "Idm", "Idmn", "Idn",
            "Imc1", "Imc2", "InverseVariance", "JointAverage", "JointEnergy", "JointEntropy", "MCC",
            "MaximumProbability", "SumAverage", "SumEntropy", "SumSquares"),
            Set.of(), Set.of("Dissimilarity", "Homogeneity1", "Homogeneity2", "SumVariance")),
    GLRLM("glrlm", List.of("GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized", "GrayLevelVariance",
            "HighGrayLevelRunEmphasis", "LongRunEmphasis", "LongRunHighGrayLevelEmphasis",
            "LongRunLowGrayLevelEmphasis", "LowGrayLevelRunEmphasis", "RunEntropy", "RunLengthNonUniformity",
            "RunLengthNonUniformityNormalized", "RunPercentage", "RunVariance", "ShortRunEmphasis",
            "ShortRunHighGrayLevelEmphasis", "ShortRunLowGrayLevelEmphasis"), Set.of(), Set.of()),
    GLSZM("glszm", List.of("GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized", "GrayLevelVariance",
            "HighGrayLevelZoneEmphasis", "LargeAreaEmphasis", "LargeAreaHighGrayLevelEmphasis",
            "LargeAreaLowGrayLevelEmphasis", "LowGrayLevelZoneEmphasis", "SizeZoneNonUniformity",
            "SizeZoneNonUniformityNormalized", "SmallAreaEmphasis", "SmallAreaHighGrayLevelEmphasis",
            "SmallAreaLowGrayLevelEmphasis", "ZoneEntropy", "ZonePercentage", "ZoneVariance"), Set.of(), Set.of()),
    NGTDM("ngtdm", List.of("Busyness", "Coarseness", "Complexity", "Contrast", "Strength"), Set.of(), Set.of()),
    GLDM("gldm", List.of("DependenceEntropy", "DependenceNonUniformity", "DependenceNonUniformityNormalized",
            "DependenceVariance", "GrayLevelNonUniformity", "GrayLevelVariance", "HighGrayLevelEmphasis",
            "LargeDependenceEmphasis", "LargeDependenceHighGrayLevelEmphasis", "LargeDependenceLowGrayLevelEmphasis",
            "LowGrayLevelEmphasis", "SmallDependenceEmphasis", "SmallDependenceHighGrayLevelEmphasis",
            "SmallDependenceLowGrayLevelEmphasis"), Set.of(), Set.of("GrayLevelNonUniformityNormalized",
            "DependencePercentage"));

    private final String pyName;
    private final List<String> features;
    private final Set<String> explicitOnly;
    private final Set<String> removed;

    FeatureClass(String pyName, List<String> features, Set<String> explicitOnly, Set<String> removed) {
        this.pyName = pyName;
        this.features = features.stream().sorted(Comparator.comparing(n -> "get" + n + "FeatureValue")).toList();
        this.explicitOnly = explicitOnly;
        this.removed = removed;
    }

    /** pyradiomics' name of the class, as in parameter files and feature names. */
    public String pyName() {
        return pyName;
    }

    /** The features computed by default, in pyradiomics' order. */
    public List<String> features() {
        return features;
    }

    /** Deprecated features pyradiomics computes only when named explicitly. */
    public Set<String> explicitOnly() {
        return explicitOnly;
    }

    /** Deprecated features pyradiomics accepts by name but never outputs (they equal another feature). */
    public Set<String> removed() {
        return removed;
    }

    public boolean knows(String feature) {
        return features.contains(feature) || explicitOnly.contains(feature) || removed.contains(feature);
    }

    /** The class for a pyradiomics class name; {@code shape} (3D) is rejected with a hint. */
    public static FeatureClass byPyName(String name) {
        for (FeatureClass c : values()) {
            if (c.pyName.equals(name)) {
                return c;
            }
        }
        if ("shape".equals(name)) {
            throw new IllegalArgumentException("featureClass 'shape' is 3D only; use 'shape2D' for 2D images");
        }
        throw new IllegalArgumentException("unknown featureClass '" + name + "' (2D classes: shape2D, firstorder, "
                + "glcm, glrlm, glszm, ngtdm, gldm)");
    }
}
