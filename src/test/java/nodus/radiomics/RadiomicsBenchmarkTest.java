package nodus.radiomics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;
import nodus.radiomics.filter.ImageTypes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Extraction time per case. Not part of normal runs: run with
 * {@code ./mvnw -B -q -o -DskipFrontend test -Dtest='nodus.radiomics.RadiomicsBenchmarkTest' -Dnodus.benchmark=true}
 * (one method: {@code -Dtest='nodus.radiomics.RadiomicsBenchmarkTest#breastCasesOnTwoCores'}).
 * <ul>
 *   <li>{@link #extractionTimePerCase}: original image only (all 7 classes, 102 features, clip to image
 *       percentiles, binWidth 25) on the shared 500×500 image with its 24,385-pixel lesion;</li>
 *   <li>{@link #fullSetTimePerCase}: the Nodus default parameter file (1,404 features, 15 images) on the same case;</li>
 *   <li>{@link #breastCasesOnTwoCores}: every BrEaST case with a lesion mask (252 of 256; 4 normal cases have
 *       none), pixel spacing from clinical.csv {@code Pixel_size} (cm → mm), original-only and full set,
 *       {@code extractAll} on 2 threads; skipped when /work/shared/datasets/breast-lesions-usg is absent (or
 *       -Dnodus.breast.dir points elsewhere).</li>
 * </ul>
 * Each prints the 1-minute load average (/proc/loadavg) before and after, since the 2 cores are shared.
 */
@Tag("benchmark")
class RadiomicsBenchmarkTest {

    static void requireBenchmark() {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"), "benchmark: set -Dnodus.benchmark=true");
    }

    static RadiomicsCase sharedCase() throws Exception {
        Path dir = Path.of(RadiomicsBenchmarkTest.class.getResource("/radiomics/image.png").toURI()).getParent();
        GrayImage img = ImageFiles.readImage(dir.resolve("image.png"));
        Mask mask = ImageFiles.readMask(dir.resolve("mask.png"), null);
        return new RadiomicsCase("bench", img, mask);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    /** Median, min, max (ms) of {@code runs} timed extractions after {@code warmups}. */
    static double[] time(RadiomicsExtractor ex, RadiomicsCase c, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            ex.extract(c); // JIT
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            ex.extract(c);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        return new double[] {ms.get(runs / 2), ms.get(0), ms.get(runs - 1)};
    }

    @Test
    void extractionTimePerCase() throws Exception {
        requireBenchmark();
        RadiomicsCase c = sharedCase();
        RadiomicsSettings s = RadiomicsSettings.defaults();
        System.out.println("BENCH load before: " + load());
        RadiomicsExtractor one = RadiomicsExtractor.builder().setSettings(s).optThreads(1).build();
        double[] t = time(one, c, 5, 20);
        System.out.printf("BENCH original only, single case, 1 thread: median %.1f ms, min %.1f ms, max %.1f ms "
                + "(20 runs)%n", t[0], t[1], t[2]);
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
            many.add(new RadiomicsCase("c" + i, c.image(), c.mask()));
        }
        RadiomicsExtractor two = RadiomicsExtractor.builder().setSettings(s).optThreads(2).build();
        two.extractAll(many);
        long t0 = System.nanoTime();
        two.extractAll(many);
        double total = (System.nanoTime() - t0) / 1e6;
        System.out.printf("BENCH original only, 16 cases, 2 threads: %.0f ms total, %.1f ms per case%n", total,
                total / 16);
        System.out.println("BENCH load after: " + load());
    }

    @Test
    void fullSetTimePerCase() throws Exception {
        requireBenchmark();
        RadiomicsCase c = sharedCase();
        RadiomicsSettings s = RadiomicsParamsYaml.nodusDefault();
        System.out.println("BENCH load before: " + load());
        RadiomicsExtractor one = RadiomicsExtractor.builder().setSettings(s).optThreads(1).build();
        System.out.println("BENCH full set: " + one.extract(c).features().size() + " features");
        double[] t = time(one, c, 3, 10);
        System.out.printf("BENCH full set, single case, 1 thread: median %.0f ms, min %.0f ms, max %.0f ms "
                + "(10 runs)%n", t[0], t[1], t[2]);
        // the filters alone (whole image, 15 images), to split filtering from feature computation
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            ImageTypes.computeAll(c.image(), s.imageTypes(), s.filterSettings());
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("BENCH   of which filters (15 images, unclipped input): median %.0f ms%n", ms.get(5));
        List<RadiomicsCase> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(new RadiomicsCase("c" + i, c.image(), c.mask()));
        }
        RadiomicsExtractor two = RadiomicsExtractor.builder().setSettings(s).optThreads(2).build();
        two.extractAll(many.subList(0, 2));
        long t0 = System.nanoTime();
        two.extractAll(many);
        double total = (System.nanoTime() - t0) / 1e6;
        System.out.printf("BENCH full set, 8 cases, 2 threads: %.0f ms total, %.0f ms per case%n", total,
                total / 8);
        System.out.println("BENCH load after: " + load());
    }

    @Test
    void breastCasesOnTwoCores() throws Exception {
        requireBenchmark();
        Path root = Path.of(System.getProperty("nodus.breast.dir", "/work/shared/datasets/breast-lesions-usg"));
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("clinical.csv")),
                "BrEaST dataset not found at " + root + " (set -Dnodus.breast.dir)");
        List<String> lines = Files.readAllLines(root.resolve("clinical.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int iImage = header.indexOf("Image_filename");
        int iMask = header.indexOf("Mask_tumor_filename");
        int iSize = header.indexOf("Pixel_size");
        List<RadiomicsCase> cases = new ArrayList<>();
        int noMask = 0;
        long pixels = 0;
        long lesionPixels = 0;
        long t0 = System.nanoTime();
        for (String line : lines.subList(1, lines.size())) {
            // the first five columns hold no commas (free-text columns come later)
            String[] f = line.split(",", -1);
            if (f[iMask].isBlank()) {
                noMask++;
                continue;
            }
            double mm = Double.parseDouble(f[iSize]) * 10; // Pixel_size is in cm
            GrayImage raw = ImageFiles.readImage(root.resolve("images").resolve(f[iImage]));
            GrayImage img = new GrayImage(raw.width(), raw.height(), raw.pixels(), mm, mm);
            Mask m = ImageFiles.readMask(root.resolve("images").resolve(f[iMask]), null);
            cases.add(new RadiomicsCase(f[iImage], img, m));
            pixels += (long) img.width() * img.height();
            lesionPixels += m.count();
        }
        System.out.printf("BENCH BrEaST: %d cases with a mask, %d without; loading %.1f s; mean image %.0f px, "
                        + "mean lesion %.0f px%n", cases.size(), noMask, (System.nanoTime() - t0) / 1e9,
                (double) pixels / cases.size(), (double) lesionPixels / cases.size());
        for (String which : List.of("original only", "full set (Nodus default file)")) {
            RadiomicsSettings s = which.startsWith("original") ? RadiomicsSettings.defaults()
                    : RadiomicsParamsYaml.nodusDefault();
            RadiomicsExtractor two = RadiomicsExtractor.builder().setSettings(s).optThreads(2).build();
            two.extractAll(cases.subList(0, 4)); // warm-up
            System.out.println("BENCH load before: " + load());
            long t1 = System.nanoTime();
            List<FeatureVector> out = two.extractAll(cases);
            double total = (System.nanoTime() - t1) / 1e9;
            long nan = out.stream().flatMap(v -> v.features().values().stream()).filter(v -> v.isNaN()).count();
            System.out.printf("BENCH BrEaST %s, %d cases, 2 threads: %.1f s total, %.0f ms per case, %d features "
                            + "per case, %d NaN values%n", which, out.size(), total, total * 1000 / out.size(),
                    out.get(0).features().size(), nan);
            System.out.println("BENCH load after: " + load());
        }
    }
}
