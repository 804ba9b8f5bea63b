package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Time to generate the default demo cohort (300 cases, 128×128) in memory; see docs/benchmarks/cohort.md. */
@Tag("benchmark")
class DemoCohortBenchmark {

    @Test
    void generateDefaultDemoCohort() {
        DemoCohortGenerator.generate(300, 128, 1); // warm-up
        long start = System.nanoTime();
        var cases = DemoCohortGenerator.generate(300, 128, 20230701);
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("demo cohort: generated %d cases of 128×128 in %.0f ms%n", cases.size(), ms);
        assertThat(cases).hasSize(300);
    }
}
