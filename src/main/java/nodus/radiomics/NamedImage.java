package nodus.radiomics;

import java.util.Objects;
import nodus.imaging.GrayImage;

/**
 * An image of one image type, under the name that prefixes its features ({@code original}, {@code wavelet-LH},
 * {@code log-sigma-2-0-mm-3D}, …, as pyradiomics names them), with the settings its features use ({@code null} =
 * the extraction's settings; image types may override e.g. binWidth, as in pyradiomics' imageType section).
 */
public record NamedImage(String name, GrayImage image, RadiomicsSettings settings) {

    public NamedImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        if (name.isBlank() || name.contains("_")) {
            throw new IllegalArgumentException("image type name must be non-blank without '_', got '" + name + "'");
        }
    }

    public NamedImage(String name, GrayImage image) {
        this(name, image, null);
    }
}
