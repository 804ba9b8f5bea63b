package nodus.radiomics.filter;

import java.util.List;
import nodus.imaging.GrayImage;

/**
 * pyradiomics {@code getLogarithmImage}: {@code g(x) = ln(x + 1)} for x &gt; 0, {@code −ln(1 − x)} for x &lt; 0, 0 for
 * x = 0, then rescaled by {@code max|x| / max|g|} so the result keeps the original range (both maxima over the
 * whole image; since |g(x)| = ln(|x| + 1) this is pyradiomics' documented {@code c = max|x| / ln(max|x| + 1)}, and
 * the code below computes it the way pyradiomics' code does, from the largest |g|).
 */
public record LogarithmFilter() implements ImageFilter {

    public static final String NAME = "logarithm";

    @Override
    public List<FilteredImage> apply(GrayImage image) {
        double[] px = image.pixels();
        double maxAbs = PointFilters.maxAbs(px);
        for (int i = 0; i < px.length; i++) {
            double x = px[i];
            if (x > 0) {
                px[i] = Math.log(x + 1);
            } else if (x < 0) {
                px[i] = -Math.log(-(x - 1));
            }
        }
        double scale = maxAbs / PointFilters.maxAbs(px);
        for (int i = 0; i < px.length; i++) {
            px[i] = px[i] * scale;
        }
        return List.of(new FilteredImage(NAME, image.withPixels(px)));
    }

    @Override
    public List<String> imageTypeNames() {
        return List.of(NAME);
    }
}
