package nodus.statistics;

import static nodus.statistics.Reference.TOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against pROC itself (R 4.2.2, pROC 1.18.0; proc_reference.json made by make_proc_reference.R in the resources):
 * ci.auc(method = "delong"), var(), roc.test(method = "delong") paired and unpaired, coords("best", youden), and
 * one-vs-rest DeLong CIs on iris.
 */
class ProcReferenceTest {

    private static final JsonNode PROC = Reference.json("proc_reference.json");
    private static final Reference.Predictions P = Reference.Predictions.load();

    @Test
    void deLongCisEqualPRoc() {
        for (String model : List.of("modelA", "modelB")) {
            JsonNode r = PROC.get(model);
            AucEstimate e = DeLong.auc(P.labels(), model.equals("modelA") ? P.a() : P.b());
            assertThat(e.auc()).as(model).isCloseTo(r.get("auc").asDouble(), within(TOL));
            assertThat(e.variance()).as(model).isCloseTo(r.get("var").asDouble(), within(1e-15));
            assertThat(e.ciLow()).as(model).isCloseTo(r.get("ci_low").asDouble(), within(TOL));
            assertThat(e.ciHigh()).as(model).isCloseTo(r.get("ci_high").asDouble(), within(TOL));
            ThresholdMetrics y = Youden.metrics(P.labels(), model.equals("modelA") ? P.a() : P.b());
            // pROC puts its threshold halfway between scores; the operating point (sens, spec) is the same
            assertThat(y.sensitivity().estimate()).isCloseTo(r.get("youden_sensitivity").asDouble(), within(TOL));
            assertThat(y.specificity().estimate()).isCloseTo(r.get("youden_specificity").asDouble(), within(TOL));
        }
    }

    @Test
    void rocTestPairedAndUnpairedEqualPRoc() {
        DeLongTest paired = DeLong.pairedTest(P.labels(), P.a(), P.b());
        assertThat(paired.z()).isCloseTo(PROC.at("/paired/z").asDouble(), within(TOL));
        assertThat(paired.p()).isCloseTo(PROC.at("/paired/p").asDouble(), within(1e-12));
        DeLongTest unpaired = DeLong.unpairedTest(DeLong.auc(P.labels(), P.a()), DeLong.auc(P.labels(), P.b()));
        assertThat(unpaired.z()).isCloseTo(PROC.at("/unpaired/z").asDouble(), within(TOL));
        assertThat(unpaired.p()).isCloseTo(PROC.at("/unpaired/p").asDouble(), within(1e-12));
        assertThat(unpaired.df()).isCloseTo(PROC.at("/unpaired/df").asDouble(), within(TOL));
    }

    @Test
    void singleEventHasAucButNoVarianceAsInPRoc() {
        AucEstimate e = DeLong.auc(new double[] {0, 0, 1, 0, 0}, new double[] {0.1, 0.5, 0.4, 0.3, 0.2});
        assertThat(e.auc()).isEqualTo(PROC.at("/single_event/auc").asDouble());
        assertThat(PROC.at("/single_event/var").isNull()).isTrue();
        assertThat(e.variance()).isNaN();
    }

    @Test
    void irisOneVsRestCisEqualPRoc() {
        List<String[]> rows = Reference.csv("threeclass_iris_test_predictions.csv");
        int[] labels = new int[rows.size()];
        double[][] p = new double[rows.size()][3];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Integer.parseInt(rows.get(i)[1]);
            for (int c = 0; c < 3; c++) {
                p[i][c] = Double.parseDouble(rows.get(i)[2 + c]);
            }
        }
        MultiClassEvaluation.Result r = MultiClassEvaluation.evaluate(labels, p);
        for (int c = 0; c < 3; c++) {
            JsonNode ref = PROC.at("/iris_ovr/" + c);
            AucEstimate e = r.perClass().get(c).auc();
            assertThat(e.auc()).isCloseTo(ref.get("auc").asDouble(), within(TOL));
            assertThat(e.ciLow()).isCloseTo(ref.get("ci_low").asDouble(), within(TOL));
            assertThat(e.ciHigh()).isCloseTo(ref.get("ci_high").asDouble(), within(TOL));
        }
    }
}
