package nodus.radiomics.filter;

import java.util.List;
import nodus.imaging.GrayImage;

/**
 * pyradiomics {@code getSquareRootImage}: {@code f(x) = √(c·x)} for x &gt; 0, {@code −√(−c·x)} for x &lt; 0 and 0 for
 * x = 0, with {@code c = max|x|} over the whole image (keeps the original range and the sign).
 */
public record SquareRootFilter() implements ImageFilter {

    public static final String NAME = "squareroot";

    @Override
    public List<FilteredImage> apply(GrayImage image) {
        double[] px = image.pixels();
        double coeff = PointFilters.maxAbs(px);
        for (int i = 0; i < px.length; i++) {
            double x = px[i];
            if (x > 0) {
                px[i] = Math.sqrt(x * coeff);
            } else if (x < 0) {
                px[i] = -Math.sqrt(-x * coeff);
            }
        }
        return List.of(new FilteredImage(NAME, image.withPixels(px)));
    }

    @Override
    public List<String> imageTypeNames() {
        return List.of(NAME);
    }
}
