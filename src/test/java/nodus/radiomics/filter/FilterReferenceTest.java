package nodus.radiomics.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nodus.imaging.GrayImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filtered images equal pyradiomics 3.0.1's own ({@code imageoperations.get*Image}, with SimpleITK 2.5.7 and
 * PyWavelets 1.9.0; values from {@code src/test/resources/radiomics/filters/make_filter_reference.py}) on the
 * shared 500×500 reference image and on a 17×13 synthetic image with negative values, odd sizes and 0.7×1.3 mm
 * pixels.
 *
 * <p>Tolerance: relative 1e-6, {@code |nodus − pyradiomics| ≤ 1e-6 · max(|pyradiomics|, 1e-6 · M)}, M = the
 * largest |value| of that reference image. The floor only matters for values within 1e-6·M of zero (detail bands
 * and LoG cross zero, where no relative error is defined); the measured agreement is far tighter (see
 * the per-type worst errors printed after the run).
 */
class FilterReferenceTest {

    private static final double TOL = 1e-6;

    static Map<String, GrayImage> referenceImages;

    @BeforeAll
    static void computeReferenceImageTypes() {
        GrayImage image = FilterReference.png("image.png");
        Map<String, Map<String, Object>> section = new LinkedHashMap<>();
        section.put("Original", Map.of());
        section.put("LoG", Map.of("sigma", List.of(1.0, 2.0, 3.0, 4.0, 5.0)));
        section.put("Wavelet", Map.of());
        section.put("Square", Map.of());
        section.put("SquareRoot", Map.of());
        section.put("Logarithm", Map.of());
        section.put("Exponential", Map.of());
        section.put("Gradient", Map.of());
        referenceImages = byName(ImageTypes.computeAll(image, ImageTypes.fromParameters(section), Map.of()));
    }

    static Map<String, GrayImage> byName(List<FilteredImage> images) {
        return images.stream().collect(Collectors.toMap(FilteredImage::imageTypeName, FilteredImage::image,
                (a, b) -> { throw new AssertionError("duplicate image type name"); }, LinkedHashMap::new));
    }

    @Test
    void referenceImageYieldsPyradiomicsImageTypesInOrder() {
        assertThat(referenceImages.keySet()).containsExactlyElementsOf(
                FilterReference.stats("image").keySet());
    }

    @Test
    void referenceImageWindowsEqualPyradiomics() {
        assertWindows("image", name -> referenceImages.get(name));
    }

    @Test
    void referenceImageWholeImageStatsEqualPyradiomics() {
        assertStats("image", referenceImages::get, FilterReference.mask("mask.png"));
    }

    @Test
    void syntheticImageEqualsPyradiomicsIncludingVariants() {
        GrayImage image = FilterReference.syntheticInput();
        Map<String, Map<String, Object>> section = new LinkedHashMap<>();
        section.put("Original", Map.of());
        section.put("LoG", Map.of("sigma", List.of(1.0, 2.0, 3))); // the Integer 3 names log-sigma-3-mm-3D
        section.put("Wavelet", Map.of());
        section.put("Square", Map.of());
        section.put("SquareRoot", Map.of());
        section.put("Logarithm", Map.of());
        section.put("Exponential", Map.of());
        section.put("Gradient", Map.of());
        Map<String, GrayImage> all = byName(ImageTypes.computeAll(image, ImageTypes.fromParameters(section),
                Map.of()));
        // variants, keyed as in the reference files: "<settings>|<image type name>"
        addVariant(all, image, "gradientUseSpacing=false|", "Gradient", Map.of("gradientUseSpacing", false));
        addVariant(all, image, "force2D=true|", "Wavelet", Map.of("force2D", true));
        addVariant(all, image, "force2D=true;force2Ddimension=1|", "Wavelet",
                Map.of("force2D", true, "force2Ddimension", 1));
        addVariant(all, image, "level=2|", "Wavelet", Map.of("level", 2));
        addVariant(all, image, "start_level=1|", "Wavelet", Map.of("start_level", 1));

        assertThat(all.keySet()).containsExactlyElementsOf(FilterReference.stats("synthetic").keySet());
        boolean[] mask = new boolean[image.width() * image.height()];
        for (int y = 3; y < 10; y++) {
            for (int x = 4; x < 13; x++) {
                mask[y * image.width() + x] = true; // as the script's mask[3:10, 4:13]
            }
        }
        assertWindows("synthetic", all::get);
        assertStats("synthetic", all::get, mask);
    }

    private static void addVariant(Map<String, GrayImage> all, GrayImage image, String prefix, String type,
            Map<String, Object> settings) {
        new ImageType(type, Map.of()).apply(image, settings)
                .forEach(f -> all.put(prefix + f.imageTypeName(), f.image()));
    }

    private static void assertWindows(String caseName, Function<String, GrayImage> images) {
        Map<String, Map<String, Double>> stats = FilterReference.stats(caseName);
        List<FilterReference.Window> windows = FilterReference.windows(caseName);
        assertThat(windows).isNotEmpty();
        for (FilterReference.Window win : windows) {
            GrayImage img = images.apply(win.imageType());
            assertThat(img).as("image type %s", win.imageType()).isNotNull();
            double scale = Math.max(Math.abs(stats.get(win.imageType()).get("min")),
                    Math.abs(stats.get(win.imageType()).get("max")));
            for (int dy = 0; dy < win.h(); dy++) {
                for (int dx = 0; dx < win.w(); dx++) {
                    double ref = win.values()[dy * win.w() + dx];
                    double got = img.get(win.x0() + dx, win.y0() + dy);
                    assertClose(got, ref, scale, "%s %s (x=%d, y=%d)", win.imageType(), win.window(),
                            win.x0() + dx, win.y0() + dy);
                }
            }
        }
    }

    private static void assertStats(String caseName, Function<String, GrayImage> images, boolean[] mask) {
        for (Map.Entry<String, Map<String, Double>> e : FilterReference.stats(caseName).entrySet()) {
            double[] px = images.apply(e.getKey()).pixels();
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double maskSum = 0;
            int maskN = 0;
            for (int i = 0; i < px.length; i++) {
                sum += px[i];
                min = Math.min(min, px[i]);
                max = Math.max(max, px[i]);
                if (mask[i]) {
                    maskSum += px[i];
                    maskN++;
                }
            }
            Map<String, Double> ref = e.getValue();
            double scale = Math.max(Math.abs(ref.get("min")), Math.abs(ref.get("max")));
            String t = e.getKey();
            assertClose(min, ref.get("min"), scale, "%s min", t);
            assertClose(max, ref.get("max"), scale, "%s max", t);
            assertClose(sum / px.length, ref.get("mean"), scale, "%s mean", t);
            assertClose(maskSum / maskN, ref.get("mask_mean"), scale, "%s lesion mean", t);
            // sums: scale by the pixel count, as they add px.length values of size ≤ scale
            assertClose(sum, ref.get("sum"), scale * px.length, "%s sum", t);
            assertClose(maskSum, ref.get("mask_sum"), scale * maskN, "%s lesion sum", t);
        }
    }

    /** Worst relative error per image type (first word of the check's description), printed after the run. */
    static final Map<String, Double> worstRelativeError = new java.util.TreeMap<>();

    private static void assertClose(double got, double ref, double scale, String what, Object... args) {
        double err = Math.abs(got - ref) / Math.max(Math.abs(ref), 1e-6 * scale);
        worstRelativeError.merge(String.valueOf(args[0]), err, Math::max);
        assertThat(err).as(what, args).isLessThanOrEqualTo(TOL);
    }

    @AfterAll
    static void report() {
        worstRelativeError.forEach((type, err) -> System.out.printf("worst relative error %-45s %.3g%n", type, err));
    }
}
