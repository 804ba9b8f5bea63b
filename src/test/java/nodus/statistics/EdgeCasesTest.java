package nodus.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tiny hand-checkable vectors (arithmetic in the comments) and the edge cases the issue names. */
class EdgeCasesTest {

    @Test
    void smallTiedVectorByHand() {
        // events 0.9, 0.7, 0.7, 0.3, 0.55; non-events 0.7, 0.2, 0.4, 0.9, 0.3
        // V10 (share of non-events below, ties ½): 4.5/5, 3.5/5, 3.5/5, 1.5/5, 3/5 = .9 .7 .7 .3 .6 → AUC 3.2/5 = .64
        // V01 (share of events above, ties ½): 2/5, 5/5, 4/5, .5/5, 4.5/5 = .4 1 .8 .1 .9 → mean .64
        // S10 = Σ(V10 − .64)²/4 = .192/4 = .048; S01 = .572/4 = .143; Var = .048/5 + .143/5 = .0382
        double[] y = {1, 1, 1, 0, 0, 0, 0, 1, 0, 1};
        double[] s = {0.9, 0.7, 0.7, 0.7, 0.2, 0.4, 0.9, 0.3, 0.3, 0.55};
        AucEstimate e = DeLong.auc(y, s);
        assertThat(e.auc()).isCloseTo(0.64, within(1e-15));
        assertThat(e.variance()).isCloseTo(0.0382, within(1e-15));
        // and the independent O(m·n) computation in extra_reference.json agrees
        JsonNode ref = Reference.json("extra_reference.json").get("small_delong");
        assertThat(e.variance()).isCloseTo(ref.get("var").asDouble(), within(1e-15));
        assertThat(e.auc()).isCloseTo(ref.get("auc_sklearn").asDouble(), within(1e-15));
        // CI = .64 ± 1.959964·√.0382 = .64 ± .38307 = [.25693, 1.02307] → upper end clipped to 1
        assertThat(e.ciLow()).isCloseTo(0.64 - 1.959963984540054 * Math.sqrt(0.0382), within(1e-12));
        assertThat(e.ciHigh()).isEqualTo(1.0);
    }

    @Test
    void allScoresTied() {
        // every pair is a tie → AUC ½, every V10 = V01 = ½ → variance 0, CI [½, ½]
        double[] y = {1, 0, 1, 0, 0};
        double[] s = {0.5, 0.5, 0.5, 0.5, 0.5};
        AucEstimate e = DeLong.auc(y, s);
        assertThat(e.auc()).isEqualTo(0.5);
        assertThat(e.se()).isEqualTo(0.0);
        assertThat(e.ciLow()).isEqualTo(0.5);
        assertThat(e.ciHigh()).isEqualTo(0.5);
        RocCurve roc = RocCurve.of(y, s);
        assertThat(roc.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.5);
        assertThat(roc.fpr()).containsExactly(0.0, 1.0);
        assertThat(roc.tpr()).containsExactly(0.0, 1.0);
        // the only observed threshold: everybody positive (sens 1, spec 0, J 0)
        ThresholdMetrics m = Youden.metrics(y, s);
        assertThat(m.threshold()).isEqualTo(0.5);
        assertThat(m.sensitivity().estimate()).isEqualTo(1.0);
        assertThat(m.specificity().estimate()).isEqualTo(0.0);
        assertThat(m.npv().estimate()).isNaN(); // nobody called negative: 0/0
        assertThat(DeLong.pairedTest(y, s, s).z()).isNaN(); // identical models: no variance, no test
    }

    @Test
    void perfectSeparation() {
        // every event above every non-event → AUC 1, all V10 = V01 = 1 → variance 0, CI clipped to [1, 1]
        double[] y = {0, 0, 0, 1, 1};
        double[] s = {0.1, 0.2, 0.3, 0.8, 0.9};
        AucEstimate e = DeLong.auc(y, s);
        assertThat(e.auc()).isEqualTo(1.0);
        assertThat(e.ciLow()).isEqualTo(1.0);
        assertThat(e.ciHigh()).isEqualTo(1.0);
        // the lowest event score is the Youden threshold: sens 1, spec 1
        ThresholdMetrics m = Youden.metrics(y, s);
        assertThat(m.threshold()).isEqualTo(0.8);
        assertThat(m.youdenJ()).isEqualTo(1.0);
        // near-perfect: one tie between an event and a non-event; CI upper end would exceed 1 and is clipped
        double[] s2 = {0.1, 0.2, 0.8, 0.8, 0.9};
        AucEstimate e2 = DeLong.auc(y, s2);
        assertThat(e2.auc()).isCloseTo(5.5 / 6, within(1e-15)); // 5 wins + ½ tie out of 2·3 pairs
        assertThat(e2.auc() + 1.959963984540054 * e2.se()).isGreaterThan(1.0);
        assertThat(e2.ciHigh()).isEqualTo(1.0);
    }

    @Test
    void singleEvent() {
        // one event (0.4) above three of four non-events → AUC 3/4 (scikit-learn agrees); with m = 1 the event
        // variance S10 has denominator m − 1 = 0 → undefined: the AUC is reported, the interval is NaN
        JsonNode ref = Reference.json("extra_reference.json").get("single_event");
        double[] y = Reference.doubles(ref.get("labels"));
        double[] s = Reference.doubles(ref.get("scores"));
        AucEstimate e = DeLong.auc(y, s);
        assertThat(e.auc()).isEqualTo(ref.get("auc_sklearn").asDouble());
        assertThat(e.positives()).isEqualTo(1);
        assertThat(e.hasInterval()).isFalse();
        assertThat(e.ciLow()).isNaN();
        // Youden: at 0.4 TP 1, FP 1 (0.5) → J = 1 − 1/4 = .75, the best
        assertThat(Youden.threshold(y, s)).isEqualTo(0.4);
        BinaryEvaluation ev = BinaryEvaluation.evaluate(y, s);
        assertThat(ev.auc().auc()).isEqualTo(0.75);
    }

    @Test
    void singleClassAndNanAreClearErrors() {
        assertThatThrownBy(() -> DeLong.auc(new double[] {1, 1, 1}, new double[] {0.1, 0.2, 0.3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only one class present (all 3 labels are 1)");
        assertThatThrownBy(() -> BinaryEvaluation.evaluate(new double[] {0, 0}, new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only one class");
        assertThatThrownBy(() -> DeLong.auc(new double[] {0, 1, 1}, new double[] {0.1, Double.NaN, 0.3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score[1] is NaN");
        assertThatThrownBy(() -> DeLong.auc(new double[] {0, 2}, new double[] {0.1, 0.3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label[1] is 2.0");
        assertThatThrownBy(() -> CalibrationCurve.brier(new double[] {0, 1}, new double[] {0.1, 1.3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score[1] = 1.3");
    }

    @Test
    void youdenTiesGoToTheHighestThreshold() {
        // t = .8: TP 1, FP 0 → J = ½; t = .6: J = 0; t = .4: TP 2, FP 1 → J = ½; t = .2: J = 0 → highest: .8
        double[] y = {1, 0, 1, 0};
        double[] s = {0.8, 0.6, 0.4, 0.2};
        assertThat(Youden.threshold(y, s)).isEqualTo(0.8);
        // J ties are exact even when 1/3 − 0 and 2/3 − 1/3 differ in floating point:
        // events .9 .5 .4, non-events .7 .3 .2: t=.9 J=1/3; t=.5 J=2/3−1/3; t=.4 J=1−1/3 = 2/3 (best)
        assertThat(Youden.threshold(new double[] {1, 0, 1, 1, 0, 0}, new double[] {0.9, 0.7, 0.5, 0.4, 0.3, 0.2}))
                .isEqualTo(0.4);
    }

    @Test
    void wilsonIntervalByHandAndAtTheEdges() {
        // 8/10, z² = 3.841459: centre (.8 + z²/20)/(1 + z²/10) = .992073/1.384146 = .716738;
        // half = z/1.384146·√(.016 + z²/400) = 1.416010·√.0256036 = 1.416010·.160011 = .226578
        // → [.490160, .943316]
        Proportion p = Proportion.wilson(8, 10);
        assertThat(p.estimate()).isEqualTo(0.8);
        assertThat(p.ciLow()).isCloseTo(0.490160, within(1e-5));
        assertThat(p.ciHigh()).isCloseTo(0.943316, within(1e-5));
        JsonNode edge = Reference.json("extra_reference.json").get("wilson_edge");
        for (String k : List.of("0_of_10", "10_of_10", "1_of_1")) {
            String[] kn = k.split("_of_");
            Proportion q = Proportion.wilson(Long.parseLong(kn[0]), Long.parseLong(kn[1]));
            assertThat(q.ciLow()).as(k).isCloseTo(edge.at("/" + k + "/0").asDouble(), within(1e-12));
            assertThat(q.ciHigh()).as(k).isCloseTo(edge.at("/" + k + "/1").asDouble(), within(1e-12));
        }
        assertThat(Proportion.wilson(0, 0).estimate()).isNaN();
    }

    @Test
    void pairedTestRefusesDifferentCaseSets() {
        double[] y = {1, 0, 1, 0};
        double[] s = {0.9, 0.2, 0.6, 0.4};
        assertThatThrownBy(() -> DeLong.pairedTest(List.of("a", "b", "c", "d"), y, s,
                List.of("a", "b", "c", "x"), y, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 case id(s) are only in A and 1 only in B")
                .hasMessageContaining("unpaired");
        // same cases in another order are aligned by id: B = A reversed → identical models → difference 0
        DeLongTest t = DeLong.pairedTest(List.of("a", "b", "c", "d"), y, s,
                List.of("d", "c", "b", "a"), new double[] {0, 1, 0, 1}, new double[] {0.4, 0.6, 0.2, 0.9});
        assertThat(t.difference()).isEqualTo(0.0);
    }

    @Test
    void smallQuantileCalibrationEqualsSklearn() {
        JsonNode ref = Reference.json("extra_reference.json");
        double[] y = Reference.doubles(ref.at("/small_delong/labels"));
        double[] s = Reference.doubles(ref.at("/small_delong/scores"));
        CalibrationCurve c = CalibrationCurve.of(y, s, 4, CalibrationCurve.Strategy.QUANTILE);
        JsonNode e = ref.get("small_calibration_quantile4");
        assertThat(c.fractionOfPositives()).containsExactly(Reference.doubles(e.get("fraction_of_positives")),
                within(1e-12));
        assertThat(c.meanPredicted()).containsExactly(Reference.doubles(e.get("mean_predicted")), within(1e-12));
    }

    @Test
    void nonProbabilityScoresGetRankStatisticsOnly() {
        double[] y = {0, 0, 1, 1};
        double[] radscore = {-2.5, 0.3, 1.7, 4.0};
        BinaryEvaluation e = BinaryEvaluation.evaluate(y, radscore);
        assertThat(e.auc().auc()).isEqualTo(1.0);
        assertThat(e.probabilistic()).isFalse();
        assertThat(e.hosmerLemeshow()).isNull();
    }
}
