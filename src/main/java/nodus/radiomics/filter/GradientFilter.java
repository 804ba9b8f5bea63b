package nodus.radiomics.filter;

import java.util.List;
import nodus.imaging.GrayImage;

/**
 * pyradiomics {@code getGradientImage}: SimpleITK's {@code GradientMagnitudeImageFilter},
 * {@code |∇I| = √((∂I/∂x)² + (∂I/∂y)²)} with central differences {@code (I[i+1] − I[i−1]) / (2·spacing)} (per mm
 * when {@code useSpacing}, pyradiomics' {@code gradientUseSpacing}, default true; per pixel otherwise) and ITK's
 * zero-flux Neumann boundary (the edge pixel repeats, so the border uses a one-sided half difference). ITK
 * returns a 32-bit float image; the result is rounded to float likewise.
 */
public record GradientFilter(boolean useSpacing) implements ImageFilter {

    public static final String NAME = "gradient";

    @Override
    public List<FilteredImage> apply(GrayImage image) {
        int w = image.width();
        int h = image.height();
        double[] in = image.pixels();
        // ITK's derivative operator {−0.5, 0, 0.5} scaled by 1/spacing, applied as an inner product
        double cx = 0.5 / (useSpacing ? image.spacingX() : 1.0);
        double cy = 0.5 / (useSpacing ? image.spacingY() : 1.0);
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            int up = Math.max(y - 1, 0) * w;
            int down = Math.min(y + 1, h - 1) * w;
            for (int x = 0; x < w; x++) {
                int left = Math.max(x - 1, 0);
                int right = Math.min(x + 1, w - 1);
                double centre = in[y * w + x];
                double gx = -cx * in[y * w + left] + 0.0 * centre + cx * in[y * w + right];
                double gy = -cy * in[up + x] + 0.0 * centre + cy * in[down + x];
                out[y * w + x] = (float) Math.sqrt(gx * gx + gy * gy);
            }
        }
        return List.of(new FilteredImage(NAME, image.withPixels(out)));
    }

    @Override
    public List<String> imageTypeNames() {
        return List.of(NAME);
    }
}
