package nodus.radiomics;

import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;

/**
 * The hook for derived image types (pyradiomics' {@code get<Type>Image} generators): given one enabled image type
 * other than {@code Original} (e.g. {@code LoG}, {@code Wavelet}, {@code Square}) and its options (the
 * {@code setting}-section filter parameters merged with the type's own, e.g. {@code sigma: [2.0, 3.0]}), return
 * the filtered images with pyradiomics' names ({@code log-sigma-2-0-mm-3D}, {@code wavelet-LH}, …). The image is
 * the original after Nodus' intensity clipping. The filters in {@code nodus.radiomics.filter} implement this.
 */
@FunctionalInterface
public interface ImageTypeProvider {

    List<NamedImage> images(String imageType, Map<String, Object> options, GrayImage image, Mask mask);

    /** No filters: any image type other than Original is refused with a clear message. */
    ImageTypeProvider ORIGINAL_ONLY = (type, options, image, mask) -> {
        throw new IllegalArgumentException("imageType '" + type + "' needs the image filters, which are not "
                + "available in this build; use imageType Original");
    };
}
