package nodus.statistics;

import static nodus.statistics.Reference.TOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The WDBC test-set predictions of two models against pROC-convention DeLong values, scikit-learn roc_curve,
 * calibration_curve and brier_score_loss, the DCA table and both Hosmer–Lemeshow groupings, all from
 * reference_values.json (numpy 2.4.6 / scipy 1.17.1 / scikit-learn 1.9.1), to 1e-9.
 */
class ReferenceValuesTest {

    private static final JsonNode REF = Reference.json("reference_values.json");
    private static final Reference.Predictions P = Reference.Predictions.load();

    private static double[] scores(String model) {
        return model.equals("modelA") ? P.a() : P.b();
    }

    @ParameterizedTest
    @ValueSource(strings = {"modelA", "modelB"})
    void deLongAucSeAndCi(String model) {
        JsonNode r = REF.at("/delong/" + model);
        AucEstimate e = DeLong.auc(P.labels(), scores(model));
        assertThat(e.auc()).isCloseTo(r.get("auc").asDouble(), within(TOL));
        assertThat(e.variance()).isCloseTo(r.get("var").asDouble(), within(1e-15));
        assertThat(e.se()).isCloseTo(r.get("se").asDouble(), within(TOL));
        assertThat(e.ciLow()).isCloseTo(r.at("/ci95/0").asDouble(), within(TOL));
        assertThat(e.ciHigh()).isCloseTo(r.at("/ci95/1").asDouble(), within(TOL));
        assertThat(e.positives()).isEqualTo(64);
        assertThat(e.negatives()).isEqualTo(107);
    }

    @Test
    void ciOfModelBIsClippedAtOne() {
        AucEstimate b = DeLong.auc(P.labels(), P.b());
        assertThat(b.auc() + 1.959963984540054 * b.se()).isGreaterThan(1.0);
        assertThat(b.ciHigh()).isEqualTo(1.0);
    }

    @Test
    void criticalValueIsQnorm0975() {
        assertThat(Normal.critical(0.95)).isCloseTo(REF.at("/delong/z_0.975").asDouble(), within(1e-15));
    }

    @Test
    void pairedDeLongTestAMinusB() {
        JsonNode r = REF.at("/delong/test_A_vs_B");
        DeLongTest t = DeLong.pairedTest(P.labels(), P.a(), P.b());
        assertThat(t.paired()).isTrue();
        assertThat(t.difference()).isCloseTo(r.get("auc_diff").asDouble(), within(TOL));
        assertThat(t.variance()).isCloseTo(r.get("var_diff").asDouble(), within(1e-15));
        assertThat(t.z()).isCloseTo(r.get("z").asDouble(), within(TOL));
        assertThat(t.p()).isCloseTo(r.get("p_two_sided").asDouble(), within(1e-12));
        assertThat(t.ciLow()).isCloseTo(r.at("/ci95_diff/0").asDouble(), within(TOL));
        assertThat(t.ciHigh()).isCloseTo(r.at("/ci95_diff/1").asDouble(), within(TOL));
        // covariance term: varA + varB − 2 cov = var_diff
        double cov = REF.at("/delong/cov_AB").asDouble();
        assertThat((DeLong.auc(P.labels(), P.a()).variance() + DeLong.auc(P.labels(), P.b()).variance()
                - t.variance()) / 2).isCloseTo(cov, within(1e-15));
    }

    @Test
    void unpairedTestOmitsCovariance() {
        AucEstimate a = DeLong.auc(P.labels(), P.a());
        AucEstimate b = DeLong.auc(P.labels(), P.b());
        DeLongTest t = DeLong.unpairedTest(a, b);
        double varA = REF.at("/delong/modelA/var").asDouble();
        double varB = REF.at("/delong/modelB/var").asDouble();
        double diff = REF.at("/delong/test_A_vs_B/auc_diff").asDouble();
        assertThat(t.paired()).isFalse();
        assertThat(t.z()).isCloseTo(diff / Math.sqrt(varA + varB), within(TOL));
        // pROC's df: (vA + vB)² / (vA²/170 + vB²/170), both curves on 171 cases
        assertThat(t.df()).isCloseTo((varA + varB) * (varA + varB) / (varA * varA / 170 + varB * varB / 170),
                within(1e-6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"modelA", "modelB"})
    void rocCurveEqualsSklearn(String model) {
        List<String[]> rows = Reference.csv("roc_" + model + ".csv");
        RocCurve roc = RocCurve.of(P.labels(), scores(model));
        assertThat(roc.size()).isEqualTo(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            double thr = rows.get(i)[0].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(rows.get(i)[0]);
            assertThat(roc.thresholds()[i]).isEqualTo(thr);
            assertThat(roc.fpr()[i]).isCloseTo(Double.parseDouble(rows.get(i)[1]), within(TOL));
            assertThat(roc.tpr()[i]).isCloseTo(Double.parseDouble(rows.get(i)[2]), within(TOL));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"modelA", "modelB"})
    void youdenThresholdAndMetrics(String model) {
        JsonNode r = REF.at("/youden/" + model);
        ThresholdMetrics m = Youden.metrics(P.labels(), scores(model));
        assertThat(m.threshold()).isEqualTo(r.get("threshold").asDouble());
        assertThat(m.youdenJ()).isCloseTo(r.get("youden_J").asDouble(), within(TOL));
        assertThat(new long[] {m.tp(), m.fp(), m.tn(), m.fn()}).containsExactly(r.get("TP").asLong(),
                r.get("FP").asLong(), r.get("TN").asLong(), r.get("FN").asLong());
        assertThat(m.accuracy().estimate()).isCloseTo(r.get("accuracy").asDouble(), within(TOL));
        assertThat(m.sensitivity().estimate()).isCloseTo(r.get("sensitivity").asDouble(), within(TOL));
        assertThat(m.specificity().estimate()).isCloseTo(r.get("specificity").asDouble(), within(TOL));
        assertThat(m.ppv().estimate()).isCloseTo(r.get("PPV").asDouble(), within(TOL));
        assertThat(m.npv().estimate()).isCloseTo(r.get("NPV").asDouble(), within(TOL));
        assertThat(m.source()).isEqualTo("youden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"modelA", "modelB"})
    void wilsonIntervalsOfYoudenMetricsEqualStatsmodels(String model) {
        JsonNode w = Reference.json("extra_reference.json").at("/wilson/" + model);
        ThresholdMetrics m = Youden.metrics(P.labels(), scores(model));
        Proportion[] ps = {m.accuracy(), m.sensitivity(), m.specificity(), m.ppv(), m.npv()};
        String[] names = {"accuracy", "sensitivity", "specificity", "ppv", "npv"};
        for (int i = 0; i < ps.length; i++) {
            assertThat(ps[i].ciLow()).as(names[i]).isCloseTo(w.at("/" + names[i] + "/0").asDouble(), within(TOL));
            assertThat(ps[i].ciHigh()).as(names[i]).isCloseTo(w.at("/" + names[i] + "/1").asDouble(), within(TOL));
        }
        assertThat(m.f1()).isCloseTo(w.get("f1").asDouble(), within(TOL));
    }

    @Test
    void netBenefitTable() {
        List<String[]> rows = Reference.csv("dca_net_benefit.csv");
        double[] pts = Reference.column(rows, 0);
        List<NetBenefit> a = DecisionCurve.at(P.labels(), P.a(), pts);
        List<NetBenefit> b = DecisionCurve.at(P.labels(), P.b(), pts);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            assertThat(a.get(i).truePositives()).isEqualTo(Integer.parseInt(r[1]));
            assertThat(a.get(i).falsePositives()).isEqualTo(Integer.parseInt(r[2]));
            assertThat(a.get(i).model()).isCloseTo(Double.parseDouble(r[3]), within(TOL));
            assertThat(b.get(i).truePositives()).isEqualTo(Integer.parseInt(r[4]));
            assertThat(b.get(i).falsePositives()).isEqualTo(Integer.parseInt(r[5]));
            assertThat(b.get(i).model()).isCloseTo(Double.parseDouble(r[6]), within(TOL));
            assertThat(a.get(i).treatAll()).isCloseTo(Double.parseDouble(r[7]), within(TOL));
            assertThat(a.get(i).treatNone()).isEqualTo(Double.parseDouble(r[8]));
        }
        // the standard grid contains the reference thresholds (k/100 for k = 5, 10, …, 95)
        List<NetBenefit> std = DecisionCurve.standard(P.labels(), P.a());
        assertThat(std).hasSize(99);
        assertThat(std.get(4).threshold()).isEqualTo(pts[0]);
        assertThat(std.get(4).model()).isCloseTo(Double.parseDouble(rows.get(0)[3]), within(TOL));
        assertThat(std.get(94).model()).isCloseTo(Double.parseDouble(rows.get(18)[3]), within(TOL));
    }

    @Test
    void netBenefitEqualsDcurves() {
        // dcurves 1.1.7 dca() at thresholds np.arange(0.01, 1.0, 0.01) (make_dcurves_reference.py)
        List<String[]> rows = Reference.csv("dcurves_net_benefit.csv");
        assertThat(rows).hasSize(99);
        List<NetBenefit> a = DecisionCurve.at(P.labels(), P.a(), Reference.column(rows, 0));
        List<NetBenefit> b = DecisionCurve.at(P.labels(), P.b(), Reference.column(rows, 0));
        List<NetBenefit> std = DecisionCurve.standard(P.labels(), P.a());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            assertThat(a.get(i).model()).as("A at " + r[0]).isCloseTo(Double.parseDouble(r[1]), within(TOL));
            assertThat(b.get(i).model()).as("B at " + r[0]).isCloseTo(Double.parseDouble(r[2]), within(TOL));
            assertThat(a.get(i).treatAll()).as("all at " + r[0]).isCloseTo(Double.parseDouble(r[3]), within(TOL));
            assertThat(a.get(i).treatNone()).isEqualTo(Double.parseDouble(r[4]));
            assertThat(std.get(i).threshold()).isCloseTo(Double.parseDouble(r[0]), within(1e-15));
            assertThat(std.get(i).model()).as("standard grid at " + r[0]).isCloseTo(Double.parseDouble(r[1]),
                    within(TOL));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"modelA/equal_size", "modelA/quantile_cut", "modelB/equal_size", "modelB/quantile_cut"})
    void hosmerLemeshow(String key) {
        JsonNode r = REF.at("/hosmer_lemeshow/" + key);
        String[] parts = key.split("/");
        HosmerLemeshow.Grouping g = parts[1].equals("equal_size") ? HosmerLemeshow.Grouping.EQUAL_SIZE
                : HosmerLemeshow.Grouping.QUANTILE_CUT;
        HosmerLemeshow.Result hl = HosmerLemeshow.test(P.labels(), scores(parts[0]), 10, g);
        assertThat(hl.statistic()).isCloseTo(r.get("statistic").asDouble(), within(TOL));
        assertThat(hl.df()).isEqualTo(r.get("df").asInt());
        assertThat(hl.p()).isCloseTo(r.get("p_value").asDouble(), within(TOL));
        assertThat(hl.groups()).hasSize(r.get("groups").size());
        for (int i = 0; i < hl.groups().size(); i++) {
            HosmerLemeshow.Group mine = hl.groups().get(i);
            JsonNode ref = r.get("groups").get(i);
            assertThat(mine.n()).isEqualTo(ref.get("n").asInt());
            assertThat(mine.observedEvents()).isEqualTo(ref.get("obs1").asInt());
            assertThat(mine.expectedEvents()).isCloseTo(ref.get("exp1").asDouble(), within(TOL));
            assertThat(mine.expectedNonEvents()).isCloseTo(ref.get("exp0").asDouble(), within(TOL));
            assertThat(mine.minP()).isEqualTo(ref.get("p_min").asDouble());
            assertThat(mine.maxP()).isEqualTo(ref.get("p_max").asDouble());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"modelA/uniform", "modelA/quantile", "modelB/uniform", "modelB/quantile"})
    void calibrationCurveEqualsSklearn(String key) {
        JsonNode r = REF.at("/calibration/" + key);
        String[] parts = key.split("/");
        CalibrationCurve c = CalibrationCurve.of(P.labels(), scores(parts[0]), 10,
                parts[1].equals("uniform") ? CalibrationCurve.Strategy.UNIFORM : CalibrationCurve.Strategy.QUANTILE);
        assertThat(c.fractionOfPositives()).containsExactly(Reference.doubles(r.get("fraction_of_positives")),
                within(TOL));
        assertThat(c.meanPredicted()).containsExactly(Reference.doubles(r.get("mean_predicted")), within(TOL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"modelA", "modelB"})
    void brierScore(String model) {
        assertThat(CalibrationCurve.brier(P.labels(), scores(model)))
                .isCloseTo(REF.at("/calibration/" + model + "/brier").asDouble(), within(TOL));
    }

    @Test
    void binaryEvaluationBundlesTheSameNumbers() {
        BinaryEvaluation e = BinaryEvaluation.evaluate(P.labels(), P.a());
        assertThat(e.n()).isEqualTo(171);
        assertThat(e.positives()).isEqualTo(64);
        assertThat(e.auc().ciLow()).isCloseTo(REF.at("/delong/modelA/ci95/0").asDouble(), within(TOL));
        assertThat(e.youden().threshold()).isEqualTo(REF.at("/youden/modelA/threshold").asDouble());
        assertThat(e.atThreshold()).isSameAs(e.youden());
        assertThat(e.brier()).isCloseTo(REF.at("/calibration/modelA/brier").asDouble(), within(TOL));
        assertThat(e.hosmerLemeshow().statistic())
                .isCloseTo(REF.at("/hosmer_lemeshow/modelA/equal_size/statistic").asDouble(), within(TOL));
        assertThat(e.netBenefit()).hasSize(99);
        assertThat(e.aucBootstrap()).isNull();
    }

    @Test
    void thresholdFromTrainingIsAppliedUnchangedAndLabelled() {
        // "training" = model B's predictions; its Youden threshold applied to model A's predictions.
        ThresholdRule rule = ThresholdRule.fromTraining(P.labels(), P.b(), "train.csv");
        assertThat(rule.value()).isEqualTo(REF.at("/youden/modelB/threshold").asDouble());
        BinaryEvaluation e = BinaryEvaluation.evaluate(P.labels(), P.a(),
                EvaluationOptions.builder().optThreshold(rule).build());
        assertThat(e.atThreshold().threshold()).isEqualTo(rule.value());
        assertThat(e.atThreshold().source()).isEqualTo("training:train.csv");
        assertThat(e.youden().threshold()).isEqualTo(REF.at("/youden/modelA/threshold").asDouble());
    }
}
