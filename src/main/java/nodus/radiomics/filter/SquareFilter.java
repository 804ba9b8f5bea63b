package nodus.radiomics.filter;

import java.util.List;
import nodus.imaging.GrayImage;

/**
 * pyradiomics {@code getSquareImage}: {@code f(x) = (c·x)²} with {@code c = 1/√max|x|}, so the result stays in
 * the range of the original intensities (max|x| is taken over the whole image, not the lesion). Computed in
 * double precision as pyradiomics does ({@code im.astype('float64')}).
 */
public record SquareFilter() implements ImageFilter {

    public static final String NAME = "square";

    @Override
    public List<FilteredImage> apply(GrayImage image) {
        double[] px = image.pixels();
        double coeff = 1 / Math.sqrt(PointFilters.maxAbs(px));
        for (int i = 0; i < px.length; i++) {
            double v = coeff * px[i];
            px[i] = v * v;
        }
        return List.of(new FilteredImage(NAME, image.withPixels(px)));
    }

    @Override
    public List<String> imageTypeNames() {
        return List.of(NAME);
    }
}
