package nodus.classical;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timings for docs/benchmarks/classical.md. Run with
 * {@code ./mvnw -B -q -o -DskipFrontend test -Dtest='nodus.classical.ClassicalBenchmark' -Dnodus.benchmarks=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "nodus.benchmarks", matches = "true")
class ClassicalBenchmark {

    @Test
    void timings() {
        FeatureTable train = ReferenceData.train();
        long t0 = System.nanoTime();
        SpearmanFilter.Result f = SpearmanFilter.fit(PartTable.train(train));
        long t1 = System.nanoTime();
        ZScore.Params z = ZScore.fit(PartTable.train(train));
        FeatureTable zt = f.apply(z.apply(train));
        LassoCv.fit(PartTable.train(zt), LassoCv.Spec.standard(0), ReferenceData.folds(zt));
        long t2 = System.nanoTime();
        report("Spearman filter, WDBC train 398 × 30", t1 - t0);
        report("LASSO CV 13 C × 10 folds + refit (eps 1e-8), 398 × 19", t2 - t1);

        Random r = new Random(1);
        int n = 400;
        int d = 2048;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("deep_" + j);
        }
        double[][] v = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            for (int j = 0; j < d; j++) {
                v[i][j] = r.nextGaussian() + (j < 10 ? y[i] : 0);
            }
        }
        FeatureTable deep = new FeatureTable(Tables.ids(n, "c"), names, v, y);
        long t3 = System.nanoTime();
        Pca.Model pca = Pca.fit(PartTable.train(deep), 128);
        long t4 = System.nanoTime();
        report("PCA 2048 → 128 (EJML SVD), 400 cases", t4 - t3);
        FeatureTable pcs = pca.project(deep, "PC").select(pca.componentNames("PC").subList(0, 20));
        long t5 = System.nanoTime();
        SvmPlatt.fit(PartTable.train(pcs), SvmPlatt.Spec.rbf(1));
        long t6 = System.nanoTime();
        report("SVM RBF + Platt (libsvm internal 5-fold CV), 400 × 20", t6 - t5);
    }

    private static void report(String what, long nanos) {
        System.out.printf("BENCH %s: %.2f s%n", what, nanos / 1e9);
    }
}
