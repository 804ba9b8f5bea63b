package nodus.radiomics.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import nodus.imaging.GrayImage;
import org.junit.jupiter.api.Test;

/** Properties checked by hand on tiny images (the pyradiomics comparison is in FilterReferenceTest). */
class SmallImageFilterTest {

    private static GrayImage only(List<FilteredImage> images) {
        assertThat(images).hasSize(1);
        return images.get(0).image();
    }

    @Test
    void pointFiltersOnAHandComputedRow() {
        // x = {-4, 0, 1, 16}: max|x| = 16
        GrayImage img = GrayImage.of(4, 1, new double[] {-4, 0, 1, 16});
        // square: (x/√16)² = x²/16 → 1, 0, 1/16, 16
        assertThat(only(new SquareFilter().apply(img)).pixels()).containsExactly(1, 0, 0.0625, 16);
        // square root: ±√(16·|x|) → −8, 0, 4, 16
        assertThat(only(new SquareRootFilter().apply(img)).pixels()).containsExactly(-8, 0, 4, 16);
        // logarithm: ±ln(|x|+1) · 16/ln 17
        double c = 16 / Math.log(17);
        assertThat(only(new LogarithmFilter().apply(img)).pixels()).containsExactly(
                new double[] {-Math.log(5) * c, 0, Math.log(2) * c, 16}, within(1e-12));
        // exponential: exp(x · ln16/16) = 16^(x/16) → 16^(−1/4) = 0.5, 1, 16^(1/16), 16
        assertThat(only(new ExponentialFilter().apply(img)).pixels()).containsExactly(
                new double[] {0.5, 1, Math.pow(16, 1.0 / 16), 16}, within(1e-12));
    }

    @Test
    void gradientUsesCentralDifferencesPerMmAndHalfDifferencesAtTheBorder() {
        // a ramp along x, 2 grey levels per pixel, pixels 0.5 mm wide: interior slope 4 per mm,
        // border (I[1]−I[0])/(2·0.5 mm) = 2 per mm; constant along y
        double[] px = new double[4 * 3];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                px[y * 4 + x] = 2 * x;
            }
        }
        GrayImage img = new GrayImage(4, 3, px, 0.5, 1.0);
        assertThat(only(new GradientFilter(true).apply(img)).pixels())
                .containsExactly(2, 4, 4, 2, 2, 4, 4, 2, 2, 4, 4, 2);
        assertThat(only(new GradientFilter(false).apply(img)).pixels())
                .containsExactly(1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2, 1);
    }

    @Test
    void waveletOfAConstantImageIsTwiceTheConstantInLlAndZeroElsewhere() {
        // coif1 low-pass sums to √2, high-pass to 0: LL = (√2)²·c = 2c, details 0 (odd size: wrap pad + crop)
        double[] px = new double[7 * 5];
        java.util.Arrays.fill(px, 3.0);
        List<FilteredImage> out = WaveletFilter.coif1().apply(GrayImage.of(7, 5, px));
        assertThat(out).extracting(FilteredImage::imageTypeName)
                .containsExactly("wavelet-LH", "wavelet-HL", "wavelet-HH", "wavelet-LL");
        for (FilteredImage f : out) {
            double expected = f.imageTypeName().equals("wavelet-LL") ? 6.0 : 0.0;
            for (double v : f.image().pixels()) {
                assertThat(v).isCloseTo(expected, within(1e-12));
            }
            assertThat(f.image().width()).isEqualTo(7);
            assertThat(f.image().height()).isEqualTo(5);
        }
    }

    @Test
    void logOfAConstantImageIsZeroAndOfAParaboloidIsSigmaSquaredTimesTheLaplacian() {
        double[] flat = new double[20 * 20];
        java.util.Arrays.fill(flat, 100);
        GrayImage constant = GrayImage.of(20, 20, flat);
        for (double v : only(LaplacianOfGaussianFilter.ofSigmas(2.0).apply(constant)).pixels()) {
            assertThat(v).isCloseTo(0, within(1e-4)); // float32 intermediates, as ITK
        }
        // I = x² (x in mm, 0.5 mm pixels): ∇²I = 2 per mm², so σ²·∇²(G*I) = 2σ² away from the borders
        int n = 80;
        double[] px = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double xm = (x - n / 2.0) * 0.5;
                px[y * n + x] = xm * xm;
            }
        }
        GrayImage parabola = new GrayImage(n, n, px, 0.5, 0.5);
        GrayImage log = only(LaplacianOfGaussianFilter.ofSigmas(1.5).apply(parabola));
        assertThat(log.get(n / 2, n / 2)).isCloseTo(2 * 1.5 * 1.5, within(0.01 * 2 * 1.5 * 1.5));
    }

    @Test
    void logSkipsSigmasTooLargeForTheImageAsPyradiomics() {
        // 6×6 pixels of 1 mm: kept while 6 >= ceil(σ) + 1, i.e. σ <= 5
        GrayImage img = GrayImage.of(6, 6, new double[36]);
        assertThat(LaplacianOfGaussianFilter.ofSigmas(1.0, 5.0, 5.5).apply(img))
                .extracting(FilteredImage::imageTypeName)
                .containsExactly("log-sigma-1-0-mm-3D", "log-sigma-5-0-mm-3D");
        assertThat(LaplacianOfGaussianFilter.ofSigmas(1.0).apply(GrayImage.of(3, 8, new double[24]))).isEmpty();
    }
}
