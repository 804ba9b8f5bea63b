package nodus.radiomics.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nodus.imaging.GrayImage;

/**
 * One enabled entry of a pyradiomics {@code imageType} section: its pyradiomics name ({@code Original},
 * {@code LoG}, {@code Wavelet}, {@code Square}, {@code SquareRoot}, {@code Logarithm}, {@code Exponential},
 * {@code Gradient}) and the custom settings written under it.
 *
 * <p>As in pyradiomics' extractor, the settings in force for this image type are the general {@code setting}
 * section overridden by the custom ones ({@link #effectiveSettings}); they configure the filter (sigma, wavelet,
 * level, start_level, force2D, force2Ddimension, gradientUseSpacing) and are also the settings the feature
 * classes must use on the images it yields (e.g. a {@code binWidth} given under {@code LoG}).
 */
public record ImageType(String name, Map<String, Object> customSettings) {

    public ImageType {
        Objects.requireNonNull(name, "name");
        if (!ImageTypes.SUPPORTED.contains(name)) {
            throw new IllegalArgumentException(ImageTypes.unknownTypeMessage(name));
        }
        customSettings = customSettings == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customSettings));
    }

    /** {@code settings.copy(); settings.update(customSettings)}. */
    public Map<String, Object> effectiveSettings(Map<String, Object> settings) {
        Map<String, Object> merged = new LinkedHashMap<>(settings == null ? Map.of() : settings);
        merged.putAll(customSettings);
        return merged;
    }

    /** The filter this image type runs with the given general settings (custom settings win). */
    public ImageFilter filter(Map<String, Object> settings) {
        return ImageTypes.filterFor(name, effectiveSettings(settings));
    }

    /** Runs the filter: the derived images, in pyradiomics' order. */
    public List<FilteredImage> apply(GrayImage image, Map<String, Object> settings) {
        return filter(settings).apply(image);
    }
}
