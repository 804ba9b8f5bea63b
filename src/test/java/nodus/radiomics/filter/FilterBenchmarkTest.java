package nodus.radiomics.filter;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time to compute every image type (original, LoG σ = 1…5 mm, wavelet, square, square root, logarithm,
 * exponential, gradient: 15 images) on the 500×500 reference image, single thread. Runs only with
 * {@code -Dnodus.benchmark=true}; results go to docs/benchmarks/radiomics-filters.md.
 */
@Tag("benchmark")
class FilterBenchmarkTest {

    @Test
    void allImageTypesOn500x500() {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"), "benchmark: run with -Dnodus.benchmark=true");
        GrayImage image = FilterReference.png("image.png");
        Map<String, Map<String, Object>> section = new LinkedHashMap<>();
        section.put("Original", Map.of());
        section.put("LoG", Map.of("sigma", List.of(1.0, 2.0, 3.0, 4.0, 5.0)));
        for (String t : List.of("Wavelet", "Square", "SquareRoot", "Logarithm", "Exponential", "Gradient")) {
            section.put(t, Map.of());
        }
        List<ImageType> types = ImageTypes.fromParameters(section);
        for (int i = 0; i < 5; i++) {
            ImageTypes.computeAll(image, types, Map.of()); // warm-up (JIT)
        }
        int runs = 20;
        double[] ms = new double[runs];
        int count = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            count = ImageTypes.computeAll(image, types, Map.of()).size();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("all image types (%d images) on 500x500: median %.1f ms, min %.1f ms, max %.1f ms%n",
                count, ms[runs / 2], ms[0], ms[runs - 1]);
        for (ImageType t : types) {
            ImageFilter f = t.filter(Map.of());
            double[] per = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                f.apply(image);
                per[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(per);
            System.out.printf("  %-12s median %.1f ms%n", t.name(), per[runs / 2]);
        }
    }
}
