package nodus.radiomics.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;

/**
 * pyradiomics {@code getWaveletImage} / {@code _swt3}: the undecimated (stationary) wavelet transform, coif1 by
 * default, on a 2D image: every combination of low (L) / high (H) pass along each transformed axis, named
 * {@code wavelet-LH} etc. — the first letter is the x axis (image columns), the second the y axis (rows), because
 * pyradiomics passes numpy axes {@code (1, 0)} to {@code pywt.swtn}. Yield order: {@code wavelet-LH},
 * {@code wavelet-HL}, {@code wavelet-HH}, then the approximation {@code wavelet-LL}.
 *
 * <p>pyradiomics' details, kept: an odd-sized axis is first padded by one pixel with numpy's 'wrap' mode (the
 * first row/column appended at the end; pywt needs even lengths) and every result is cropped back;
 * {@code start_level} levels of approximation are computed and discarded first; each further level re-applies
 * the <em>same</em> one-level transform to the previous approximation (pyradiomics calls swtn with
 * {@code start_level=0} every time, so the filter is not dilated as in a textbook SWT); levels after the first
 * are named {@code wavelet2-LH}…, and the final approximation {@code wavelet-LL} (one level) or
 * {@code wavelet<level>-LL}.
 *
 * <p>{@code force2D}: pyradiomics removes axis {@code force2Ddimension} (numpy order: 0 = y, 1 = x) from the
 * transformed axes. On a 2D image that leaves a 1D transform along the other axis, giving only {@code wavelet-H}
 * and {@code wavelet-L} — what pyradiomics does when a 2D parameter file sets {@code force2D: true}.
 */
public record WaveletFilter(String wavelet, int level, int startLevel, boolean force2D, int force2Ddimension)
        implements ImageFilter {

    public WaveletFilter {
        if (!"coif1".equals(wavelet)) {
            throw new IllegalArgumentException("wavelet '" + wavelet + "' is not supported (Nodus implements coif1,"
                    + " pyradiomics' default)");
        }
        if (level < 1) {
            throw new IllegalArgumentException("wavelet level must be >= 1, got " + level);
        }
        if (startLevel < 0) {
            throw new IllegalArgumentException("wavelet start_level must be >= 0, got " + startLevel);
        }
        if (force2D && (force2Ddimension < 0 || force2Ddimension > 1)) {
            // pyradiomics: axes.remove(force2Ddimension) raises ValueError for a 2D image
            throw new IllegalArgumentException("force2Ddimension must be 0 or 1 for a 2D image, got "
                    + force2Ddimension);
        }
    }

    /** pyradiomics' defaults: coif1, one level, start level 0, no force2D. */
    public static WaveletFilter coif1() {
        return new WaveletFilter("coif1", 1, 0, false, 0);
    }

    /** Transformed axes in pyradiomics' order: true = x (numpy axis 1), false = y (numpy axis 0). */
    private List<Boolean> axes() {
        List<Boolean> axes = new ArrayList<>(List.of(true, false));
        if (force2D) {
            axes.remove(force2Ddimension == 1 ? Boolean.TRUE : Boolean.FALSE);
        }
        return axes;
    }

    @Override
    public List<FilteredImage> apply(GrayImage image) {
        int w = image.width();
        int h = image.height();
        int pw = w + (w % 2);
        int ph = h + (h % 2);
        double[] data = padWrap(image.pixels(), w, h, pw, ph);
        List<Boolean> axes = axes();
        String approxKey = "L".repeat(axes.size());

        for (int i = 0; i < startLevel; i++) {
            data = decompose(data, pw, ph, axes).get(approxKey);
        }
        List<FilteredImage> out = new ArrayList<>();
        for (int idx = 1; idx <= level; idx++) {
            Map<String, double[]> bands = decompose(data, pw, ph, axes);
            data = bands.get(approxKey);
            for (Map.Entry<String, double[]> band : bands.entrySet()) {
                if (!band.getKey().equals(approxKey)) {
                    out.add(new FilteredImage(name(idx, band.getKey()), crop(image, band.getValue(), pw)));
                }
            }
        }
        out.add(new FilteredImage(name(level, approxKey), crop(image, data, pw)));
        return out;
    }

    @Override
    public List<String> imageTypeNames() {
        List<Boolean> axes = axes();
        List<String> keys = List.of("");
        for (int a = 0; a < axes.size(); a++) {
            keys = keys.stream().flatMap(k -> java.util.stream.Stream.of(k + "L", k + "H")).toList();
        }
        String approxKey = "L".repeat(axes.size());
        List<String> names = new ArrayList<>();
        for (int idx = 1; idx <= level; idx++) {
            for (String k : keys) {
                if (!k.equals(approxKey)) {
                    names.add(name(idx, k));
                }
            }
        }
        names.add(name(level, approxKey));
        return names;
    }

    private static String name(int idx, String band) {
        return idx == 1 ? "wavelet-" + band : "wavelet" + idx + "-" + band;
    }

    /**
     * One level of {@code pywt.swtn}: transform along each axis in turn; keys in pywt's order (for two axes
     * LL, LH, HL, HH; letter k belongs to the k-th transformed axis).
     */
    private static Map<String, double[]> decompose(double[] data, int w, int h, List<Boolean> axes) {
        Map<String, double[]> bands = new LinkedHashMap<>();
        bands.put("", data);
        for (boolean alongX : axes) {
            Map<String, double[]> next = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : bands.entrySet()) {
                next.put(e.getKey() + "L",
                        StationaryWavelet.filter(e.getValue(), w, h, alongX, StationaryWavelet.COIF1_DEC_LO));
                next.put(e.getKey() + "H",
                        StationaryWavelet.filter(e.getValue(), w, h, alongX, StationaryWavelet.COIF1_DEC_HI));
            }
            bands = next;
        }
        return bands;
    }

    /** {@code numpy.pad(data, ((0, h%2), (0, w%2)), 'wrap')}. */
    private static double[] padWrap(double[] px, int w, int h, int pw, int ph) {
        double[] out = new double[pw * ph];
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                out[y * pw + x] = px[(y % h) * w + (x % w)];
            }
        }
        return out;
    }

    private static GrayImage crop(GrayImage like, double[] padded, int pw) {
        int w = like.width();
        int h = like.height();
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(padded, y * pw, out, y * w, w);
        }
        return like.withPixels(out);
    }
}
