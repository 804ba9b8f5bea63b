package nodus.deeplearning.data;

import nodus.imaging.GrayImage;
import nodus.imaging.Mask;
import nodus.imaging.RoiCrop;

/**
 * The deterministic part of the fine-tuning input (issue 7): the largest lesion's bounding box plus a margin
 * ({@link RoiCrop}), min–max scaled to [−1, 1], resized to size×size with nearest-neighbour interpolation. The
 * grey image stays one channel here; {@link SplitPartDataset} repeats it into the 3 input channels.
 *
 * <p>WHY [−1, 1] and nearest: the reference study (Wei et al., QIMS 2023) rescales each ROI this way; nearest
 * keeps the speckle texture instead of smoothing it. The aspect ratio is not kept (the ROI is stretched).
 */
public final class RoiPreprocessor {

    /** Margin around the lesion's bounding box, in pixels of the original image. */
    public static final int DEFAULT_MARGIN_PX = 10;

    private RoiPreprocessor() {
    }

    /** @return row-major size×size values in [−1, 1] (all 0 when the ROI is flat) */
    public static float[] prepare(GrayImage image, Mask mask, int size, int marginPx) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be ≥ 1 px, got " + size);
        }
        GrayImage roi = RoiCrop.largestLesion(image, mask, marginPx).image();
        double[] px = roi.pixels();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : px) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double range = hi - lo;
        int w = roi.width();
        int h = roi.height();
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            // Nearest source pixel of the target pixel centre (PyTorch's 'nearest': floor(dst · in/out)).
            int sy = Math.min(h - 1, (int) Math.floor(y * (double) h / size));
            for (int x = 0; x < size; x++) {
                int sx = Math.min(w - 1, (int) Math.floor(x * (double) w / size));
                double v = px[sy * w + sx];
                out[y * size + x] = range > 0 ? (float) (2 * (v - lo) / range - 1) : 0f;
            }
        }
        return out;
    }
}
