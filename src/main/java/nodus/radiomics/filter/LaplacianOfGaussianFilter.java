package nodus.radiomics.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nodus.imaging.GrayImage;

/**
 * pyradiomics {@code getLoGImage}: for each σ (mm) SimpleITK's {@code LaplacianRecursiveGaussianImageFilter} with
 * {@code NormalizeAcrossScale = true}, i.e. {@code σ²·(∂²G/∂x² + ∂²G/∂y²) * I} with derivatives per mm (pixel
 * spacing used), named {@code log-sigma-<str(σ) with '.'→'-'>-mm-3D} (pyradiomics keeps "3D" in the name for 2D
 * input too). The whole image is filtered: pyradiomics does not pad or crop here (it crops to the lesion only
 * afterwards, or before filtering when {@code preCrop}/resampling is set — the extractor's business).
 *
 * <p>As ITK: for each axis d, the 2nd-order recursive Gaussian along d then the smoothing one along the other
 * axis, scaled by 1/spacing_d² and added. ITK stores these intermediate images as 32-bit floats
 * ({@code InternalRealType = float}) and returns a float image; the same roundings are made here so the values
 * equal pyradiomics' bit for bit, not just approximately (a value on a bin edge then discretises alike).
 *
 * <p>Like pyradiomics, a σ is skipped when the image is smaller than {@code ceil(σ/spacing) + 1} pixels along an
 * axis, and no LoG image is made at all for images under 4 pixels along an axis.
 *
 * @param sigmasMm σ values as written in the parameter file; an {@link Integer} σ gives {@code log-sigma-2-mm-3D},
 *                 a {@link Double} one {@code log-sigma-2-0-mm-3D}, exactly as pyradiomics' {@code str(sigma)}
 */
public record LaplacianOfGaussianFilter(List<Number> sigmasMm) implements ImageFilter {

    public LaplacianOfGaussianFilter {
        sigmasMm = List.copyOf(sigmasMm);
        for (Number s : sigmasMm) {
            if (!(s.doubleValue() > 0) || Double.isInfinite(s.doubleValue())) {
                throw new IllegalArgumentException("LoG sigma must be a positive number of mm, got " + s);
            }
        }
    }

    public static LaplacianOfGaussianFilter ofSigmas(double... sigmasMm) {
        List<Number> list = new ArrayList<>();
        for (double s : sigmasMm) {
            list.add(s);
        }
        return new LaplacianOfGaussianFilter(list);
    }

    /** {@code 'log-sigma-%s-mm-3D' % str(sigma).replace('.', '-')}. */
    public static String imageTypeName(Number sigmaMm) {
        return "log-sigma-" + pythonStr(sigmaMm).replace('.', '-') + "-mm-3D";
    }

    @Override
    public List<FilteredImage> apply(GrayImage image) {
        List<FilteredImage> out = new ArrayList<>();
        if (Math.min(image.width(), image.height()) < 4) {
            return out; // pyradiomics: "Image too small to apply LoG filter"
        }
        for (Number sigma : sigmasMm) {
            double s = sigma.doubleValue();
            if (image.width() >= Math.ceil(s / image.spacingX()) + 1
                    && image.height() >= Math.ceil(s / image.spacingY()) + 1) {
                out.add(new FilteredImage(imageTypeName(sigma), laplacian(image, s)));
            }
        }
        return out;
    }

    @Override
    public List<String> imageTypeNames() {
        return sigmasMm.stream().map(LaplacianOfGaussianFilter::imageTypeName).toList();
    }

    static GrayImage laplacian(GrayImage image, double sigmaMm) {
        int w = image.width();
        int h = image.height();
        double sx = image.spacingX();
        double sy = image.spacingY();
        double[] in = image.pixels();
        var smoothX = new RecursiveGaussian(sigmaMm, sx, RecursiveGaussian.Order.SMOOTHING, true);
        var smoothY = new RecursiveGaussian(sigmaMm, sy, RecursiveGaussian.Order.SMOOTHING, true);
        var secondX = new RecursiveGaussian(sigmaMm, sx, RecursiveGaussian.Order.SECOND_DERIVATIVE, true);
        var secondY = new RecursiveGaussian(sigmaMm, sy, RecursiveGaussian.Order.SECOND_DERIVATIVE, true);

        double[] dxx = alongY(alongX(in, w, h, secondX), w, h, smoothY);
        double[] dyy = alongX(alongY(in, w, h, secondY), w, h, smoothX);
        double invX2 = 1.0 / (sx * sx);
        double invY2 = 1.0 / (sy * sy);
        double[] out = new double[w * h];
        for (int i = 0; i < out.length; i++) {
            // ITK accumulates in a float image: cum = float(cum + d·(1/spacing²)) per axis, starting from 0
            float cum = (float) (0.0f + dxx[i] * invX2);
            cum = (float) (cum + dyy[i] * invY2);
            out[i] = cum;
        }
        return image.withPixels(out);
    }

    /** The recursive filter along each row; the result rounded to float as ITK's float image stores it. */
    static double[] alongX(double[] in, int w, int h, RecursiveGaussian filter) {
        double[] out = new double[in.length];
        double[] line = new double[w];
        double[] res = new double[w];
        double[] scratch = new double[w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(in, y * w, line, 0, w);
            filter.filterLine(line, res, scratch, w);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) res[x];
            }
        }
        return out;
    }

    /** The recursive filter along each column, rounded to float. */
    static double[] alongY(double[] in, int w, int h, RecursiveGaussian filter) {
        double[] out = new double[in.length];
        double[] line = new double[h];
        double[] res = new double[h];
        double[] scratch = new double[h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = in[y * w + x];
            }
            filter.filterLine(line, res, scratch, h);
            for (int y = 0; y < h; y++) {
                out[y * w + x] = (float) res[y];
            }
        }
        return out;
    }

    /**
     * Python's {@code str()} of a number as YAML gives it: integers as digits, floats by {@code repr} (shortest
     * round-trip digits, at least one decimal, exponent form below 1e-4 or from 1e16 on, e.g. {@code 1e-05}).
     */
    static String pythonStr(Number value) {
        if (!(value instanceof Double || value instanceof Float || value instanceof BigDecimal)) {
            return value.toString();
        }
        double v = value.doubleValue();
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return BigDecimal.valueOf(v).toBigInteger() + ".0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e16) {
            return bd.toPlainString();
        }
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
    }
}
