package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The demo generator draws what it claims: at {@value #N} cases (clinical values only, same draws as the full
 * generator) every categorical level's per-class frequency is within 4 standard errors of its target,
 * |p̂ − p| ≤ 4·√(p(1 − p)/n_k), and age and tumour size have per-class means within 4·σ/√n_k and SDs within
 * 4·σ/√(2n_k) + 3 % of σ (the clamping to 25–85 years and 5–50 mm trims the tails a little, see
 * docs/demo-cohort.md). n_k is the class size (N0 ≈ 35 800, N+(1–2) ≈ 5 500, N+(≥3) ≈ 8 700). The seed is fixed, so
 * the check is deterministic; 4 SE means a correct generator fails with probability ~1e-4 per cell for a new seed.
 * Targets: {@link DemoCohortGenerator#CATEGORICALS}, {@code AGE}, {@code SIZE} (the table in docs/demo-cohort.md).
 */
class DemoFrequenciesTest {

    static final int N = 50_000;
    private static final long SEED = 20230701;

    @Test
    void classSizesFollowTheReferenceProportions() {
        assertThat(DemoCohortGenerator.classSizes(300)).containsExactly(215, 33, 52);
        assertThat(DemoCohortGenerator.classSizes(892)).containsExactly(639, 98, 155);
    }

    @Test
    void clinicalOnlyDrawsEqualTheFullGenerator() {
        List<DemoCohortGenerator.DemoCase> full = DemoCohortGenerator.generate(40, 32, 7);
        List<DemoCohortGenerator.DemoCase> clinical = DemoCohortGenerator.clinical(40, 7);
        for (int i = 0; i < 40; i++) {
            assertThat(clinical.get(i).values()).isEqualTo(full.get(i).values());
        }
    }

    @Test
    void perClassFrequenciesAndMeansMatchTheTargets() {
        List<DemoCohortGenerator.DemoCase> cases = DemoCohortGenerator.clinical(N, SEED);
        int[] nk = new int[3];
        cases.forEach(c -> nk[c.labelIndex()]++);
        for (DemoCohortGenerator.Categorical v : DemoCohortGenerator.CATEGORICALS) {
            for (int k = 0; k < 3; k++) {
                for (int l = 0; l < v.levels().size(); l++) {
                    int kk = k;
                    String level = v.levels().get(l);
                    long hits = cases.stream().filter(c -> c.labelIndex() == kk && level.equals(c.values()
                            .get(v.name()))).count();
                    double p = v.probs()[k][l];
                    double observed = hits / (double) nk[k];
                    double tolerance = 4 * Math.sqrt(p * (1 - p) / nk[k]);
                    assertThat(Math.abs(observed - p)).as("%s = %s in class %d: observed %.4f, target %.4f", v.name(),
                            level, k, observed, p).isLessThanOrEqualTo(tolerance);
                }
            }
        }
        checkNumeric(cases, nk, "age", DemoCohortGenerator.AGE);
        checkNumeric(cases, nk, "tumour_size_mm", DemoCohortGenerator.SIZE);
    }

    private static void checkNumeric(List<DemoCohortGenerator.DemoCase> cases, int[] nk, String name,
            double[][] target) {
        for (int k = 0; k < 3; k++) {
            int kk = k;
            double[] xs = cases.stream().filter(c -> c.labelIndex() == kk)
                    .mapToDouble(c -> Double.parseDouble(c.values().get(name))).toArray();
            double mean = java.util.Arrays.stream(xs).average().orElseThrow();
            double ss = java.util.Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum();
            double sd = Math.sqrt(ss / (xs.length - 1));
            double mu = target[k][0];
            double sigma = target[k][1];
            assertThat(Math.abs(mean - mu)).as(String.format(Locale.ROOT, "%s mean in class %d: %.3f vs %.3f", name,
                    k, mean, mu)).isLessThanOrEqualTo(4 * sigma / Math.sqrt(nk[k]));
            assertThat(Math.abs(sd - sigma)).as(String.format(Locale.ROOT, "%s SD in class %d: %.3f vs %.3f", name,
                    k, sd, sigma)).isLessThanOrEqualTo(4 * sigma / Math.sqrt(2.0 * nk[k]) + 0.03 * sigma);
        }
    }
}
