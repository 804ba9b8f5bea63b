package nodus.radiomics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Extraction time per case, original image only (all 7 classes, 102 features, clip to image percentiles, binWidth 25),
 * on the shared 500×500 image with its 24,385-pixel lesion. Not part of normal runs: run with
 * {@code ./mvnw -B -q -o -DskipFrontend test -Dtest='nodus.radiomics.RadiomicsBenchmarkTest' -Dnodus.benchmark=true}.
 */
@Tag("benchmark")
class RadiomicsBenchmarkTest {

    @Test
    void extractionTimePerCase() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"), "benchmark: set -Dnodus.benchmark=true");
        Path dir = Path.of(getClass().getResource("/radiomics/image.png").toURI()).getParent();
        GrayImage img = ImageFiles.readImage(dir.resolve("image.png"));
        Mask mask = ImageFiles.readMask(dir.resolve("mask.png"), null);
        RadiomicsSettings s = RadiomicsSettings.defaults();
        RadiomicsExtractor one = RadiomicsExtractor.builder().setSettings(s).optThreads(1).build();
        RadiomicsCase c = new RadiomicsCase("bench", img, mask);
        for (int i = 0; i < 5; i++) {
            one.extract(c); // warm-up (JIT)
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            one.extract(c);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("BENCH single case, 1 thread: median %.1f ms, min %.1f ms, max %.1f ms (20 runs)%n",
                ms.get(10), ms.get(0), ms.get(19));
        // per class
        for (FeatureClass fc : FeatureClass.values()) {
            RadiomicsSettings only = s.toBuilder().optEnabledFeatures(Map.of(fc, List.of())).build();
            RadiomicsExtractor ex = RadiomicsExtractor.builder().setSettings(only).optThreads(1).build();
            ex.extract(c);
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                ex.extract(c);
            }
            System.out.printf("BENCH   %-10s %.1f ms%n", fc.pyName(), (System.nanoTime() - t0) / 1e6 / 10);
        }
        List<RadiomicsCase> many = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            many.add(new RadiomicsCase("c" + i, img, mask));
        }
        RadiomicsExtractor two = RadiomicsExtractor.builder().setSettings(s).optThreads(2).build();
        two.extractAll(many);
        long t0 = System.nanoTime();
        two.extractAll(many);
        double total = (System.nanoTime() - t0) / 1e6;
        System.out.printf("BENCH 16 cases, 2 threads: %.0f ms total, %.1f ms per case%n", total, total / 16);
    }
}
