package nodus.deeplearning.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.deeplearning.SyntheticStudy;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.backbone.Architecture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning epoch time per backbone, and where it goes (data pipeline vs forward/backward/SGD), on a
 * demo-like synthetic cohort (300 cases of 256² ultrasound-like PNGs). Each configuration trains
 * {@code -Dnodus.bench.trainCases} training cases (default 64 = 2 batches of 32) for 2 epochs: epoch 1 includes
 * decoding the PNGs into the cache, epoch 2 is a steady-state epoch; the 300-case epoch time is extrapolated
 * linearly from epoch 2 (the per-image cost is constant). Run:
 * {@code ./mvnw -o -DskipFrontend test -Dtest=FineTuneBenchmark -Dgroups=benchmark -Dnodus.bench.backbones=resnet50
 * -Dnodus.bench.sizes=128,224}.
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
        TestSupport.djl();
        String[] backbones = System.getProperty("nodus.bench.backbones",
                "resnet50,resnet101,wide_resnet50_2,vgg19,inception_v3").split(",");
        String[] sizes = System.getProperty("nodus.bench.sizes", "128").split(",");
        int trainCases = Integer.getInteger("nodus.bench.trainCases", 64);
        // 300 cases like the demo cohort; 70/15/15 split.
        StudyData all = SyntheticStudy.write(tmp.resolve("study"), 50, 256, 1);
        List<StudyCase> train = all.part(StudyCase.Part.TRAIN).subList(0, Math.min(trainCases,
                all.part(StudyCase.Part.TRAIN).size()));
        StudyData study = new StudyData(all.cohortRef(), all.task(), all.classNames(), all.splitHash(), List.of(),
                train);
        List<String> lines = new ArrayList<>();
        for (String b : backbones) {
            for (String s : sizes) {
                Architecture arch = Architecture.parse(b.trim());
                int size = Integer.parseInt(s.trim());
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
                        "| %s | %d | %d | %.1f | %.1f | %.2f | %.1f%% | %.1f%% | %.0f |", arch.torchvisionName(),
                        size, train.size(), e1, e2, perImage, 100 * c2 / e2, 100 * d2 / e2, perImage * 300);
                System.out.println(line);
                lines.add(line);
                Files.write(Path.of("target", "finetune-benchmark.txt"), lines);
            }
        }
    }
}
