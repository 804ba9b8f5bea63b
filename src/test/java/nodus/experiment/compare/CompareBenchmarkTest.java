package nodus.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nodus.base.security.Role;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 200 finished runs (500 cases each: 300 train, 100 validation, 100 test) in one experiment; the compare view's
 * computation for 10 of them (load predictions and metric history, evaluate 30 run-parts, 135 paired DeLong tests,
 * 27 NRI/IDI, the table lines and every figure's ECharts option) must answer in under 1 s.
 * Run: {@code ./mvnw -B -q -o -DskipFrontend test -Dtest=CompareBenchmarkTest -Dnodus.benchmark=true}.
 */
@Tag("benchmark")
@SpringBootTest
class CompareBenchmarkTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    ComparisonService comparisons;

    @Test
    void tenOfTwoHundredRunsCompareUnderOneSecond() {
        Assumptions.assumeTrue(Boolean.getBoolean("nodus.benchmark"), "benchmark: set -Dnodus.benchmark=true");
        List<CompareFixture.Model> models = new ArrayList<>();
        RunKind[] kinds = RunKind.values();
        for (int i = 0; i < 200; i++) {
            models.add(new CompareFixture.Model("model-" + i, kinds[i % kinds.length], 1.0 + (i % 20) * 0.08,
                    0.6 + (i % 7) * 0.1, CompareFixture.SPLIT, i % 10 == 0));
        }
        long setup = System.nanoTime();
        List<Run> all = CompareFixture.create(experiments, runs, "benchmark", 3, models);
        long setupMs = (System.nanoTime() - setup) / 1_000_000;
        List<Long> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(all.get(i * 20 + 3).id());
        }
        ComparisonSpec spec = ComparisonSpec.of(all.get(0).experimentId(), ten);
        var bean = ManagementFactory.getThreadMXBean();
        double[] wall = new double[12];
        double[] cpu = new double[12];
        for (int rep = 0; rep < wall.length; rep++) {
            long t0 = System.nanoTime();
            long c0 = bean.getCurrentThreadCpuTime();
            CompareFixture.as("sam", Role.SUPERVISOR, () -> {
                ComparisonResult r = comparisons.compute(spec);
                ComparisonTable.lines(r);
                for (var part : r.spec().parts()) {
                    ChartOptions.roc(r, part);
                    ChartOptions.decision(r, part);
                    ChartOptions.calibration(r, part);
                    ChartOptions.confusion(r, part, r.spec().baseline());
                    ComparisonTable.delongMatrix(r, part);
                }
                ChartOptions.history(r);
                assertThat(r.rows()).hasSize(30);
                assertThat(r.delong()).hasSize(135);
                return r;
            });
            wall[rep] = (System.nanoTime() - t0) / 1e6;
            cpu[rep] = (bean.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        // The first two repetitions warm up the JIT and the connection pool; the rest are measured.
        double[] w = Arrays.copyOfRange(wall, 2, wall.length);
        double[] c = Arrays.copyOfRange(cpu, 2, cpu.length);
        Arrays.sort(w);
        Arrays.sort(c);
        System.out.printf(Locale.ROOT, "compare benchmark: setup of 200 runs %d ms; compare 10 runs: first %.0f ms, "
                        + "median %.0f ms, max %.0f ms wall; median %.0f ms main-thread CPU; load average %.1f%n",
                setupMs, wall[0], w[w.length / 2], w[w.length - 1], c[c.length / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // The reports of the same 10 runs (not budgeted: one click, not interactive): HTML, then PDF.
        SavedComparison saved = CompareFixture.as("rita", Role.RESEARCHER, () -> comparisons.save("bench", spec));
        long[] reportMs = new long[4];
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            CompareFixture.as("sam", Role.SUPERVISOR, () -> comparisons.report(saved.id()));
            long t1 = System.nanoTime();
            byte[] pdf = CompareFixture.as("sam", Role.SUPERVISOR, () -> comparisons.reportPdf(saved.id()));
            long t2 = System.nanoTime();
            assertThat(pdf.length).isGreaterThan(1000);
            reportMs[rep * 2] = (t1 - t0) / 1_000_000;
            reportMs[rep * 2 + 1] = (t2 - t1) / 1_000_000;
        }
        System.out.printf(Locale.ROOT, "compare benchmark: report of 10 runs: HTML %d ms (first %d ms), PDF %d ms "
                        + "(first %d ms); load average %.1f%n", reportMs[2], reportMs[0], reportMs[3], reportMs[1],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(w[w.length / 2]).isLessThan(1000);
    }
}
