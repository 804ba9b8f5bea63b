package nodus.radiomics;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;

/**
 * pyradiomics' optional image normalisation and mask re-segmentation (settings {@code normalize},
 * {@code normalizeScale}, {@code removeOutliers}, {@code resegmentRange}, {@code resegmentMode},
 * {@code resegmentShape}), applied after Nodus' clipping and before any filter, as pyradiomics applies them when
 * loading the image.
 *
 * @param normalize      z-score the whole image: (x − mean) / sd, sd with n − 1 (SimpleITK {@code Normalize})
 * @param normalizeScale multiply the normalised image by this (default 1)
 * @param removeOutliers clamp normalised values to ±this before scaling, or {@code null}
 * @param resegmentRange keep only ROI pixels with value ≥ range[0] (and ≤ range[1]), or {@code null}
 * @param resegmentMode  {@code absolute} (thresholds as given), {@code relative} (× ROI maximum) or {@code sigma}
 *                       (ROI mean + threshold × ROI sd, sd with n)
 * @param resegmentShape compute shape on the re-segmented mask too (default: shape on the original mask)
 */
public record Preprocessing(boolean normalize, double normalizeScale, Double removeOutliers,
                            List<Double> resegmentRange, String resegmentMode, boolean resegmentShape) {

    static final Set<String> MODES = Set.of("absolute", "relative", "sigma");

    public static final Preprocessing NONE = new Preprocessing(false, 1, null, null, "absolute", false);

    public Preprocessing {
        if (!(normalizeScale > 0) || Double.isInfinite(normalizeScale)) {
            throw new IllegalArgumentException("normalizeScale must be > 0, got " + normalizeScale);
        }
        if (removeOutliers != null && !(removeOutliers > 0)) {
            throw new IllegalArgumentException("removeOutliers must be > 0, got " + removeOutliers);
        }
        if (resegmentRange != null) {
            resegmentRange = List.copyOf(resegmentRange);
            if (resegmentRange.isEmpty() || resegmentRange.size() > 2) {
                throw new IllegalArgumentException("resegmentRange must have 1 or 2 values, got " + resegmentRange);
            }
        }
        resegmentMode = resegmentMode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(resegmentMode)) {
            throw new IllegalArgumentException("resegmentMode must be absolute, relative or sigma, got "
                    + resegmentMode);
        }
    }

    Preprocessing withNormalize(boolean v) {
        return new Preprocessing(v, normalizeScale, removeOutliers, resegmentRange, resegmentMode, resegmentShape);
    }

    Preprocessing withNormalizeScale(double v) {
        return new Preprocessing(normalize, v, removeOutliers, resegmentRange, resegmentMode, resegmentShape);
    }

    Preprocessing withRemoveOutliers(Double v) {
        return new Preprocessing(normalize, normalizeScale, v, resegmentRange, resegmentMode, resegmentShape);
    }

    Preprocessing withResegmentRange(List<Double> v) {
        return new Preprocessing(normalize, normalizeScale, removeOutliers, v, resegmentMode, resegmentShape);
    }

    Preprocessing withResegmentMode(String v) {
        return new Preprocessing(normalize, normalizeScale, removeOutliers, resegmentRange, v, resegmentShape);
    }

    Preprocessing withResegmentShape(boolean v) {
        return new Preprocessing(normalize, normalizeScale, removeOutliers, resegmentRange, resegmentMode, v);
    }

    /** pyradiomics {@code normalizeImage}: the whole image, or unchanged when normalize is off. */
    GrayImage normalise(GrayImage image) {
        if (!normalize) {
            return image;
        }
        double[] px = image.pixels();
        int n = px.length;
        double sum = 0;
        for (double v : px) {
            sum += v;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : px) {
            ss += (v - mean) * (v - mean);
        }
        double sigma = Math.sqrt(ss / (n - 1));
        if (sigma == 0) {
            throw new IllegalArgumentException("normalize: the image is constant (standard deviation 0)");
        }
        double scale = 1 / sigma; // SimpleITK: ShiftScale with shift −mean, scale 1/sigma
        for (int i = 0; i < n; i++) {
            double z = (px[i] - mean) * scale;
            if (removeOutliers != null) {
                z = Math.min(Math.max(z, -removeOutliers), removeOutliers);
            }
            px[i] = z * normalizeScale;
        }
        return image.withPixels(px);
    }

    /** pyradiomics {@code resegmentMask}: the mask restricted to the threshold range, or unchanged. */
    Mask resegment(GrayImage image, Mask mask) {
        if (resegmentRange == null) {
            return mask;
        }
        double[] px = image.pixels();
        boolean[] in = mask.inside();
        List<Double> th = resegmentRange.stream().sorted().toList();
        double[] t = new double[th.size()];
        if (resegmentMode.equals("absolute")) {
            for (int k = 0; k < t.length; k++) {
                t[k] = th.get(k);
            }
        } else {
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (int i = 0; i < px.length; i++) {
                if (in[i]) {
                    max = Math.max(max, px[i]);
                    sum += px[i];
                    n++;
                }
            }
            double mean = sum / n;
            double ss = 0;
            for (int i = 0; i < px.length; i++) {
                if (in[i]) {
                    ss += (px[i] - mean) * (px[i] - mean);
                }
            }
            double sd = Math.sqrt(ss / n);
            for (int k = 0; k < t.length; k++) {
                t[k] = resegmentMode.equals("relative") ? max * th.get(k) : mean + sd * th.get(k);
            }
        }
        boolean[] out = new boolean[in.length];
        int kept = 0;
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] && px[i] >= t[0] && (t.length == 1 || px[i] <= t[1]);
            if (out[i]) {
                kept++;
            }
        }
        if (kept <= 1) {
            throw new IllegalArgumentException("resegmentation kept " + kept + " pixel(s) of the lesion; cannot "
                    + "extract features");
        }
        return new Mask(mask.width(), mask.height(), out);
    }
}
