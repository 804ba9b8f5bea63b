package nodus.imaging;

import java.util.Arrays;

/**
 * Clips intensities to the [0.5, 99.5] percentiles (numpy linear percentiles, see {@link Percentiles}) of the whole
 * image or of the lesion, as the reference study's preprocessing. Every pixel of the image is clipped to that
 * range (also pixels outside the lesion, which matters for filters that look beyond the lesion border).
 */
public final class IntensityClipping {

    public static final double LOW_PERCENTILE = 0.5;
    public static final double HIGH_PERCENTILE = 99.5;

    private IntensityClipping() {
    }

    /** The clip range {low, high} for a mode; {@code null} for {@link ClipMode#NONE}. */
    public static double[] range(GrayImage image, Mask mask, ClipMode mode) {
        double[] px = image.pixels();
        double[] values;
        switch (mode) {
            case NONE:
                return null;
            case IMAGE:
                values = px;
                break;
            case LESION:
                if (!mask.sameGeometryAs(image)) {
                    throw new IllegalArgumentException("mask " + mask + " does not match image " + image);
                }
                boolean[] in = mask.inside();
                values = new double[mask.count()];
                int k = 0;
                for (int i = 0; i < px.length; i++) {
                    if (in[i]) {
                        values[k++] = px[i];
                    }
                }
                break;
            default:
                throw new IllegalStateException(mode.toString());
        }
        Arrays.sort(values);
        return new double[] {Percentiles.ofSorted(values, LOW_PERCENTILE), Percentiles.ofSorted(values, HIGH_PERCENTILE)};
    }

    /** The image clipped per {@code mode}; {@link ClipMode#NONE} returns the image unchanged. */
    public static GrayImage clip(GrayImage image, Mask mask, ClipMode mode) {
        double[] r = range(image, mask, mode);
        if (r == null) {
            return image;
        }
        double[] px = image.pixels();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.min(Math.max(px[i], r[0]), r[1]);
        }
        return image.withPixels(px);
    }
}
