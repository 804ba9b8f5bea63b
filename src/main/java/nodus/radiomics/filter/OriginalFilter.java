package nodus.radiomics.filter;

import java.util.List;
import nodus.imaging.GrayImage;

/** pyradiomics {@code getOriginalImage}: the image itself, named {@code original}. */
public record OriginalFilter() implements ImageFilter {

    public static final String NAME = "original";

    @Override
    public List<FilteredImage> apply(GrayImage image) {
        return List.of(new FilteredImage(NAME, image));
    }

    @Override
    public List<String> imageTypeNames() {
        return List.of(NAME);
    }
}
