package nodus.classical.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import nodus.cohort.study.ClinicalVariable;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.cohort.study.VariableKind;

/**
 * A test-only study: small ultrasound-like 8-bit PNGs (speckled background, an elliptic lesion) and masks written
 * to a temp folder, with a learnable signal — positive lesions are darker and more heterogeneous, positive cases
 * are older and more often irregular — and noise so that no model is perfect. 10 % of ages are missing (to
 * exercise the TRAIN-median imputation). Split: stratified 60/20/20 by case, seeded. Cohort {@code synthetic@1},
 * task {@code pos-vs-neg}, split {@code main}.
 */
final class SyntheticStudySource implements StudyDataSource {

    static final String COHORT = "synthetic@1";
    static final String TASK = "pos-vs-neg";
    static final String SPLIT = "main";
    static final int SIZE = 64;

    private final StudyData data;

    SyntheticStudySource(Path dir, int n, long seed) {
        Random rnd = new Random(seed);
        List<ClinicalVariable> vars = List.of(
                new ClinicalVariable("age", VariableKind.NUMERIC, null),
                new ClinicalVariable("shape", VariableKind.CATEGORICAL, List.of("oval", "round", "irregular")),
                new ClinicalVariable("density", VariableKind.ORDINAL, List.of("a", "b", "c", "d")));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 5 < 2 ? 1 : 0; // 40 % positive
        }
        // stratified split: within each class, every 5th → validation/test alternating
        Map<Integer, Integer> seen = new HashMap<>();
        List<StudyCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            int k = seen.merge(y, 1, Integer::sum) - 1;
            StudyCase.Part part = k % 5 == 3 ? StudyCase.Part.VALIDATION
                    : k % 5 == 4 ? StudyCase.Part.TEST : StudyCase.Part.TRAIN;
            String id = String.format("syn%03d", i);
            Path img = dir.resolve(id + ".png");
            Path mask = dir.resolve(id + "_mask.png");
            write(rnd, y, img, mask);
            Map<String, Object> clinical = new LinkedHashMap<>();
            if (rnd.nextDouble() >= 0.1) {
                clinical.put("age", Math.round(50 + 7 * y + 10 * rnd.nextGaussian()) * 1.0);
            }
            double irregular = y == 1 ? 0.65 : 0.25;
            double u = rnd.nextDouble();
            clinical.put("shape", u < irregular ? "irregular" : u < irregular + (1 - irregular) / 2 ? "oval" : "round");
            clinical.put("density", List.of("a", "b", "c", "d").get(rnd.nextInt(4)));
            cases.add(new StudyCase(id, id, part, y, img, mask, 0.1, 0.1, clinical));
        }
        StringBuilder h = new StringBuilder();
        cases.forEach(c -> h.append(c.caseId()).append(c.part()).append('\n'));
        data = new StudyData(COHORT, TASK, List.of("negative", "positive"),
                nodus.classical.CaseIdHash.of(List.of(h.toString())), vars, cases);
    }

    private static void write(Random rnd, int y, Path img, Path mask) {
        BufferedImage im = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage mk = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        double cx = SIZE / 2.0 + rnd.nextInt(7) - 3;
        double cy = SIZE / 2.0 + rnd.nextInt(7) - 3;
        double rx = 12 + rnd.nextInt(6);
        double ry = 9 + rnd.nextInt(6);
        // the signal: lesion brightness and heterogeneity (speckle sd), with per-case spread
        double lesionMean = 95 - 18 * y + 10 * rnd.nextGaussian();
        double lesionSd = 14 + 10 * y + 5 * rnd.nextGaussian();
        for (int yy = 0; yy < SIZE; yy++) {
            for (int xx = 0; xx < SIZE; xx++) {
                double dx = (xx - cx) / rx;
                double dy = (yy - cy) / ry;
                boolean inside = dx * dx + dy * dy <= 1;
                double v = inside ? lesionMean + Math.abs(lesionSd) * rnd.nextGaussian()
                        : 140 + 20 * rnd.nextGaussian();
                im.getRaster().setSample(xx, yy, 0, (int) Math.max(0, Math.min(255, Math.round(v))));
                mk.getRaster().setSample(xx, yy, 0, inside ? 255 : 0);
            }
        }
        try {
            ImageIO.write(im, "png", img.toFile());
            ImageIO.write(mk, "png", mask.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StudyData data() {
        return data;
    }

    @Override
    public StudyData load(String cohortRef, String task, String splitRef) {
        if (!COHORT.equals(cohortRef) || !TASK.equals(task) || !(SPLIT.equals(splitRef)
                || data.splitHash().equals(splitRef))) {
            throw new IllegalArgumentException("no study " + cohortRef + " / " + task + " / " + splitRef);
        }
        return data;
    }

    static SyntheticStudySource inTempDir(int n, long seed) {
        try {
            return new SyntheticStudySource(Files.createTempDirectory("nodus-synthetic-study"), n, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
