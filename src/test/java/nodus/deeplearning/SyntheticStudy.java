package nodus.deeplearning;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;

/**
 * A small ultrasound-like study written as PNG images and masks: speckled grey background, one elliptical
 * lesion (plus a small decoy blob the ROI crop must ignore). Learnable signal: class 1 lesions are dark
 * (hypoechoic) with an irregular border, class 0 lesions bright and smooth.
 */
public final class SyntheticStudy {

    private SyntheticStudy() {
    }

    /** {@code perClass} cases of each class in each part (train gets {@code 2·perClass} per class). */
    public static StudyData write(Path dir, int perClass, int imageSize, long seed) {
        try {
            Files.createDirectories(dir);
            SplittableRandom r = new SplittableRandom(seed);
            List<StudyCase> cases = new ArrayList<>();
            int n = 0;
            for (StudyCase.Part part : StudyCase.Part.values()) {
                int count = part == StudyCase.Part.TRAIN ? 2 * perClass : perClass;
                for (int i = 0; i < count; i++) {
                    for (int label = 0; label < 2; label++) {
                        String id = String.format("c%03d", n++);
                        Path img = dir.resolve(id + ".png");
                        Path mask = dir.resolve(id + "_mask.png");
                        draw(img, mask, imageSize, label, r.split());
                        cases.add(new StudyCase(id, "p" + id, part, label, img, mask, 0.1, 0.1, Map.of()));
                    }
                }
            }
            return new StudyData("synthetic@1", "n0-vs-nplus", List.of("N0", "N+"), "splithash-synthetic",
                    List.of(), cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(Path imgFile, Path maskFile, int s, int label, SplittableRandom r) throws IOException {
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage mask = new BufferedImage(s, s, BufferedImage.TYPE_BYTE_GRAY);
        double cx = s * (0.4 + 0.2 * r.nextDouble());
        double cy = s * (0.4 + 0.2 * r.nextDouble());
        double ax = s * (0.15 + 0.1 * r.nextDouble());
        double ay = s * (0.12 + 0.08 * r.nextDouble());
        double phase = r.nextDouble() * Math.PI;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                double dx = (x - cx) / ax;
                double dy = (y - cy) / ay;
                double angle = Math.atan2(dy, dx);
                double radius = label == 1 ? 1 + 0.3 * Math.sin(5 * angle + phase) : 1;
                boolean in = dx * dx + dy * dy <= radius * radius;
                boolean decoy = Math.hypot(x - 3, y - 3) < 2;
                double base = in ? (label == 1 ? 45 : 170) : 110;
                double v = base + 35 * (r.nextDouble() - 0.5) * 2;
                img.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, v)));
                mask.getRaster().setSample(x, y, 0, in || decoy ? 255 : 0);
            }
        }
        ImageIO.write(img, "png", imgFile.toFile());
        ImageIO.write(mask, "png", maskFile.toFile());
    }
}
