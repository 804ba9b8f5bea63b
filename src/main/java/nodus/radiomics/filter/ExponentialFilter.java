package nodus.radiomics.filter;

import java.util.List;
import nodus.imaging.GrayImage;

/**
 * pyradiomics {@code getExponentialImage}: {@code f(x) = exp(c·x)} with {@code c = ln(max|x|) / max|x|} (max over
 * the whole image), so that the largest intensity maps back onto itself.
 */
public record ExponentialFilter() implements ImageFilter {

    public static final String NAME = "exponential";

    @Override
    public List<FilteredImage> apply(GrayImage image) {
        double[] px = image.pixels();
        double maxAbs = PointFilters.maxAbs(px);
        double coeff = Math.log(maxAbs) / maxAbs;
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.exp(coeff * px[i]);
        }
        return List.of(new FilteredImage(NAME, image.withPixels(px)));
    }

    @Override
    public List<String> imageTypeNames() {
        return List.of(NAME);
    }
}
