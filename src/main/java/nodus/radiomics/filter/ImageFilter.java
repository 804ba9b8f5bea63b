package nodus.radiomics.filter;

import java.util.List;
import nodus.imaging.GrayImage;

/**
 * A pyradiomics image type (one of its {@code imageoperations.get*Image} generators): turns the original image
 * into zero or more named derived images. Implementations are immutable and thread-safe.
 */
public interface ImageFilter {

    /** The derived images, in pyradiomics' yield order, each with the same size and spacing as the input. */
    List<FilteredImage> apply(GrayImage image);

    /**
     * The image-type names {@link #apply} yields for an image large enough for every setting (LoG skips a sigma
     * on a too-small image, as pyradiomics does), in the same order. Lets an extractor name its feature columns
     * before computing anything.
     */
    List<String> imageTypeNames();
}
