package nodus.radiomics;

import java.util.Arrays;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;
import nodus.imaging.RoiCrop;

/**
 * The image and mask cropped to the mask's bounding box (pyradiomics {@code cropToTumorMask}, no padding), with the
 * discretised grey levels of the ROI pixels: the common input of every feature class. Row-major, index y * w + x.
 */
final class RoiGrid {

    final int w;
    final int h;
    final boolean[] mask;
    /** Intensities of the image type (not discretised), all pixels of the box. */
    final double[] values;
    /** Discretised grey level 1..ng inside the ROI, 0 outside. */
    final int[] levels;
    /** The grey levels present in the ROI, ascending (pyradiomics {@code grayLevels}). */
    final int[] grayLevels;
    /** The largest grey level in the ROI (pyradiomics {@code Ng}). */
    final int ng;
    /** Number of ROI pixels. */
    final int count;
    final double spacingX;
    final double spacingY;

    private RoiGrid(int w, int h, boolean[] mask, double[] values, int[] levels, int[] grayLevels, int count,
                    double spacingX, double spacingY) {
        this.w = w;
        this.h = h;
        this.mask = mask;
        this.values = values;
        this.levels = levels;
        this.grayLevels = grayLevels;
        this.ng = grayLevels[grayLevels.length - 1];
        this.count = count;
        this.spacingX = spacingX;
        this.spacingY = spacingY;
    }

    static RoiGrid of(GrayImage image, Mask mask, RadiomicsSettings s) {
        RoiCrop.Box box = RoiCrop.boundingBox(mask);
        GrayImage img = RoiCrop.crop(image, box);
        boolean[] m = RoiCrop.crop(mask, box).inside();
        double[] v = img.pixels();
        int n = 0;
        for (boolean b : m) {
            if (b) {
                n++;
            }
        }
        double[] roi = new double[n];
        int k = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i]) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException("image has a non-finite value inside the mask");
                }
                roi[k++] = v[i];
            }
        }
        int[] binned = Discretisation.discretise(roi, s.binWidth(), s.binCount());
        int[] levels = new int[m.length];
        k = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i]) {
                levels[i] = binned[k++];
            }
        }
        int[] present = Arrays.stream(binned).distinct().sorted().toArray();
        return new RoiGrid(box.width(), box.height(), m, v, levels, present, n, image.spacingX(), image.spacingY());
    }

    /** ROI intensities in row-major order. */
    double[] roiValues() {
        double[] out = new double[count];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    /** Index of each grey level 1..ng in {@link #grayLevels}, or −1 if absent. */
    int[] levelIndex() {
        int[] idx = new int[ng + 1];
        Arrays.fill(idx, -1);
        for (int i = 0; i < grayLevels.length; i++) {
            idx[grayLevels[i]] = i;
        }
        return idx;
    }

    /** pyradiomics' {@code numpy.spacing(1)}, added inside logarithms and some divisions. */
    static final double EPS = Math.ulp(1.0);

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
