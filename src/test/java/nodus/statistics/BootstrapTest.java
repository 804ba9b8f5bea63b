package nodus.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The stratified bootstrap is seeded (reproducible) and agrees with DeLong where both are valid. */
class BootstrapTest {

    private static final Reference.Predictions P = Reference.Predictions.load();

    @Test
    void sameSeedSameIntervalDifferentSeedDifferent() {
        Bootstrap.Interval a = Bootstrap.auc(P.labels(), P.a(), 500, 7, 0.95);
        Bootstrap.Interval b = Bootstrap.auc(P.labels(), P.a(), 500, 7, 0.95);
        Bootstrap.Interval c = Bootstrap.auc(P.labels(), P.a(), 500, 8, 0.95);
        assertThat(b).isEqualTo(a);
        assertThat(c.ciLow()).isNotEqualTo(a.ciLow());
        assertThat(a.failed()).isZero(); // stratified: every replicate has both classes
        assertThat(a.estimate()).isEqualTo(DeLong.auc(P.labels(), P.a()).auc());
    }

    @Test
    void agreesWithDeLongOnModelA() {
        // DeLong 95% CI of model A is [0.9175, 0.9778]; 2,000 replicates land within 0.01 of both ends
        AucEstimate delong = DeLong.auc(P.labels(), P.a());
        Bootstrap.Interval boot = Bootstrap.auc(P.labels(), P.a(), 2000, 42, 0.95);
        assertThat(boot.ciLow()).isCloseTo(delong.ciLow(), within(0.01));
        assertThat(boot.ciHigh()).isCloseTo(delong.ciHigh(), within(0.01));
    }

    @Test
    void evaluationCarriesBootstrapIntervalsWhenAsked() {
        BinaryEvaluation e = BinaryEvaluation.evaluate(P.labels(), P.a(),
                EvaluationOptions.builder().optBootstrap(200, 1).build());
        assertThat(e.aucBootstrap().replicates()).isEqualTo(200);
        assertThat(e.f1Bootstrap().ciLow()).isLessThan(e.atThreshold().f1());
        assertThat(e.f1Bootstrap().ciHigh()).isGreaterThan(e.atThreshold().f1());
    }
}
