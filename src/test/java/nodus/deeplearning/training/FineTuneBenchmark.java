package nodus.deeplearning.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nodus.cohort.DemoCohortGenerator;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.backbone.Architecture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning epoch time per backbone, and where it goes (data pipeline vs forward/backward/SGD), on the demo
 * cohort (the generator of the app's demo cohort: 300 cases of 128² PNGs with masks, seed 20230701, N0 vs
 * N+(≥1), 6:2:2 by case order). Each configuration trains {@code -Dnodus.bench.trainCases} training cases
 * (default 64 = 2 batches of 32) for 2 epochs: epoch 1 includes decoding the PNGs into the cache, epoch 2 is a
 * steady-state epoch; the 180-training-case epoch time is extrapolated linearly from epoch 2 (the per-image cost
 * is constant). Sizes: {@code -Dnodus.bench.sizes} (default 128,224); Inception-v3 runs at 299² instead of 224²
 * (its ImageNet size). Skipped unless {@code -Dnodus.benchmark=true}:
 * {@code ./mvnw -B -o -DskipFrontend test -Dtest=FineTuneBenchmark -Dnodus.benchmark=true
 * -Dnodus.bench.backbones=resnet50 -Dnodus.bench.sizes=128,224}.
 */
@Tag("benchmark")
class FineTuneBenchmark {

    @TempDir
    Path tmp;

    /** Same as the test, without Maven: {@code java -cp <test classpath> ...FineTuneBenchmark}. */
    public static void main(String[] args) throws Exception {
        FineTuneBenchmark b = new FineTuneBenchmark();
        b.tmp = Files.createTempDirectory("finetune-bench");
        b.epochTimes();
    }

    @Test
    void epochTimes() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"),
                "benchmark: run with -Dnodus.benchmark=true");
        TestSupport.djl();
        String[] backbones = System.getProperty("nodus.bench.backbones",
                "resnet50,resnet101,wide_resnet50_2,vgg19,inception_v3").split(",");
        String[] sizes = System.getProperty("nodus.bench.sizes", "128,224").split(",");
        int trainCases = Integer.getInteger("nodus.bench.trainCases", 64);
        StudyData all = demoCohort(tmp.resolve("demo"));
        int fullTrain = all.part(StudyCase.Part.TRAIN).size();
        List<StudyCase> train = all.part(StudyCase.Part.TRAIN).subList(0, Math.min(trainCases,
                all.part(StudyCase.Part.TRAIN).size()));
        StudyData study = new StudyData(all.cohortRef(), all.task(), all.classNames(), all.splitHash(), List.of(),
                train);
        List<String> lines = new ArrayList<>();
        for (String b : backbones) {
            for (String s : sizes) {
                Architecture arch = Architecture.parse(b.trim());
                int size = Integer.parseInt(s.trim());
                if (arch == Architecture.INCEPTION_V3 && size == 224) {
                    size = 299;
                }
                FineTuneSpec spec = FineTuneSpec.defaults("bench@1", "t", "s", arch.torchvisionName())
                        .withTraining(Math.max(size, arch == Architecture.INCEPTION_V3 ? 75 : 32), 2, 32, 0.001);
                List<Map<String, Double>> epochs = new ArrayList<>();
                FineTuneResult r = FineTuner.builder().setSpec(spec).setData(study)
                        .setCheckpointDir(tmp.resolve(b + "-" + s)).optListener(new TrainingListener() {
                            @Override
                            public void onEpoch(int epoch, Map<String, Double> metrics) {
                                epochs.add(metrics);
                            }
                        }).build().run();
                double e1 = epochs.get(0).get("epoch_seconds");
                double e2 = epochs.get(1).get("epoch_seconds");
                double d2 = epochs.get(1).get("data_seconds");
                double c2 = epochs.get(1).get("compute_seconds");
                double perImage = e2 / train.size();
                String line = String.format(Locale.ROOT,
                        "| %s | %d | %d | %.1f | %.1f | %.2f | %.1f%% | %.1f%% | %.0f | %s |", arch.torchvisionName(),
                        size, train.size(), e1, e2, perImage, 100 * c2 / e2, 100 * d2 / e2, perImage * fullTrain,
                        load());
                System.out.println(line + "  (compute+data = " + String.format(Locale.ROOT, "%.1f%%",
                        100 * (c2 + d2) / e2) + ", compute share of compute+data = "
                        + String.format(Locale.ROOT, "%.1f%%", 100 * c2 / (c2 + d2)) + ")");
                lines.add(line);
                Files.write(Path.of("target", "finetune-benchmark.txt"), lines);
            }
        }
    }

    /** The 1-minute load average (the machine is shared; figures under load are upper bounds). */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The demo cohort's cases as the app generates them, written as PNGs; 6:2:2 by case order. */
    static StudyData demoCohort(Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        List<DemoCohortGenerator.DemoCase> demo = DemoCohortGenerator.generate(300, 128, 20230701L);
        List<StudyCase> cases = new ArrayList<>();
        for (int i = 0; i < demo.size(); i++) {
            DemoCohortGenerator.DemoCase c = demo.get(i);
            Path img = dir.resolve(c.caseId() + ".png");
            Path mask = dir.resolve(c.caseId() + "_mask.png");
            writePng(img, c.image().width(), c.image().height(), c.image().pixels());
            double[] m = new double[c.mask().inside().length];
            for (int k = 0; k < m.length; k++) {
                m[k] = c.mask().inside()[k] ? 255 : 0;
            }
            writePng(mask, c.mask().width(), c.mask().height(), m);
            StudyCase.Part part = i < 180 ? StudyCase.Part.TRAIN : i < 240 ? StudyCase.Part.VALIDATION
                    : StudyCase.Part.TEST;
            cases.add(new StudyCase(c.caseId(), c.caseId(), part, c.labelIndex() == 0 ? 0 : 1, img, mask,
                    DemoCohortGenerator.FIELD_OF_VIEW_MM / 128, DemoCohortGenerator.FIELD_OF_VIEW_MM / 128,
                    Map.of()));
        }
        return new StudyData("demo@1", "N0 vs N+(≥1)", List.of("N0", "N+(≥1)"), "demo-by-order", List.of(),
                cases);
    }

    private static void writePng(Path f, int w, int h, double[] px) throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        int[] s = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            s[i] = (int) Math.max(0, Math.min(255, Math.round(px[i])));
        }
        img.getRaster().setPixels(0, 0, w, h, s);
        javax.imageio.ImageIO.write(img, "png", f.toFile());
    }
}
