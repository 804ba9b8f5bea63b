package nodus.classical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real data: the whole signature pipeline (Spearman filter → z-score → LASSO-CV → radscore → Youden threshold) on
 * the UCI WDBC file in /work/shared/datasets (skipped when absent), with a seeded stratified 60/20/20 split. The
 * reference implementation reaches a radscore test AUC of 0.998 on its own 70/30 split; anything above 0.95 is sane.
 */
class WdbcSignaturePipelineTest {

    static final Path WDBC = Path.of("/work/shared/datasets/wdbc/wdbc.csv");

    @Test
    void signaturePipelineGivesASaneTestAuc() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(WDBC), "WDBC not found at " + WDBC + " — real-data check skipped");
        FeatureTable all = read(WDBC);
        assertThat(all.rows()).isEqualTo(569);

        int[] fold = StratifiedFolds.assign(all.labels(), 5, 2024); // folds 0-2 train, 3 validation, 4 test
        FeatureTable train = all.rows(indices(fold, 0, 1, 2));
        FeatureTable validation = all.rows(indices(fold, 3));
        FeatureTable test = all.rows(indices(fold, 4));

        long t0 = System.nanoTime();
        SpearmanFilter.Result filter = SpearmanFilter.fit(PartTable.train(train));
        ZScore.Params z = ZScore.fit(PartTable.train(train));
        FeatureTable zTrain = filter.apply(z.apply(train));
        LassoCv.Result cv = LassoCv.fit(PartTable.train(zTrain), LassoCv.Spec.standard(7));
        RadiomicsSignature sig = RadiomicsSignature.of(cv.model());
        YoudenThreshold.Threshold th = YoudenThreshold.fit(PartTable.train(zTrain), sig.score(zTrain));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(filter.kept().size()).isBetween(10, 25);
        assertThat(sig.features()).isNotEmpty();
        double[] radVal = sig.score(filter.apply(z.apply(validation)));
        double[] radTest = sig.score(filter.apply(z.apply(test)));
        double aucVal = Synthetic.bruteForceAuc(radVal, validation.labels());
        double aucTest = Synthetic.bruteForceAuc(radTest, test.labels());
        int correct = 0;
        int[] y = test.labels();
        for (int i = 0; i < y.length; i++) {
            correct += (radTest[i] >= th.value() ? 1 : 0) == y[i] ? 1 : 0;
        }
        System.out.printf("WDBC signature: %d/%d features kept by Spearman, C=%.4f, %d non-zero, "
                        + "AUC validation %.4f test %.4f, test accuracy at train-Youden threshold %.3f, fit %d ms%n%s%n",
                filter.kept().size(), all.columns(), cv.chosenC(), sig.features().size(), aucVal, aucTest,
                (double) correct / y.length, ms, sig.equation(4));
        assertThat(aucTest).isGreaterThan(0.95);
        assertThat(aucVal).isGreaterThan(0.95);
        assertThat((double) correct / y.length).isGreaterThan(0.85);
    }

    private static int[] indices(int[] fold, int... wanted) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            for (int w : wanted) {
                if (fold[i] == w) {
                    out.add(i);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** UCI layout: id, diagnosis (M = malignant = 1, B = 0), 30 features. */
    private static FeatureTable read(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        String[] header = lines.get(0).split(",");
        List<String> names = Arrays.asList(header).subList(2, header.length);
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            ids.add(f[0]);
            labels.add(f[1].equals("M") ? 1 : 0);
            double[] v = new double[names.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = Double.parseDouble(f[j + 2]);
            }
            rows.add(v);
        }
        return new FeatureTable(ids, names, rows.toArray(double[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }
}
