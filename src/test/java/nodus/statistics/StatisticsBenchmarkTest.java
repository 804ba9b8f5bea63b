package nodus.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scaling of the full binary evaluation (fast DeLong is O(n log n); the textbook O(m·n) form would need
 * 2.1·10^11 kernel evaluations at one million cases). Run with
 * {@code ./mvnw -B -o -DskipFrontend test -Dtest=StatisticsBenchmarkTest -Dnodus.benchmark=true}; results in
 * docs/benchmarks/statistics.md.
 */
@Tag("benchmark")
class StatisticsBenchmarkTest {

    @Test
    void binaryEvaluationScalesAsNLogN() {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"), "benchmark: set -Dnodus.benchmark=true");
        for (int n : new int[] {10_000, 100_000, 1_000_000, 100_000, 1_000_000}) {
            double[][] d = data(n, 42);
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            AucEstimate auc = DeLong.auc(d[0], d[1]);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            BinaryEvaluation e = BinaryEvaluation.evaluate(d[0], d[1]);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            System.out.printf("n = %,d: DeLong AUC %.4f (SE %.5f) %d ms wall / %d ms CPU; full BinaryEvaluation "
                    + "%d ms wall / %d ms CPU%n", n, auc.auc(), auc.se(), (t1 - t0) / 1_000_000,
                    (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000);
            assertThat(e.netBenefit()).hasSize(99);
        }
    }

    /** Binormal scores squashed to (0, 1), 30 % events, rounded to 6 decimals so that ties occur. */
    static double[][] data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < 0.3 ? 1 : 0;
            double z = gaussian(rng) + (y[i] == 1 ? 1.2 : 0);
            s[i] = Math.round(1e6 / (1 + Math.exp(-(z - 0.8)))) / 1e6;
        }
        return new double[][] {y, s};
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
