package nodus.radiomics.filter;

import java.util.Objects;
import nodus.imaging.GrayImage;

/**
 * One derived image and its pyradiomics image-type name ({@code original}, {@code log-sigma-2-0-mm-3D},
 * {@code wavelet-LH}, {@code square}, …): the prefix of every feature computed on it, e.g.
 * {@code wavelet-LH_firstorder_Mean}.
 */
public record FilteredImage(String imageTypeName, GrayImage image) {

    public FilteredImage {
        if (imageTypeName == null || imageTypeName.isBlank()) {
            throw new IllegalArgumentException("image type name must not be blank");
        }
        Objects.requireNonNull(image, "image");
    }
}
