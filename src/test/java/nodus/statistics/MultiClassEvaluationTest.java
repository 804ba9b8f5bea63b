package nodus.statistics;

import static nodus.statistics.Reference.TOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iris, 3 classes, against threeclass_reference.json (scikit-learn 1.9.1 confusion_matrix, roc_auc_score ovr). */
class MultiClassEvaluationTest {

    @Test
    void irisConfusionMatrixAndOneVsRestAucs() {
        JsonNode ref = Reference.json("threeclass_reference.json");
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
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(r.confusion()[i][j]).isEqualTo(ref.at("/confusion_matrix_rows_true_cols_pred/" + i + "/" + j)
                        .asLong());
            }
        }
        assertThat(r.accuracy().estimate()).isCloseTo(ref.get("accuracy").asDouble(), within(TOL));
        for (int c = 0; c < 3; c++) {
            JsonNode pc = ref.at("/per_class/" + c);
            MultiClassEvaluation.PerClass mine = r.perClass().get(c);
            assertThat(mine.metrics().sensitivity().estimate())
                    .isCloseTo(pc.get("sensitivity_recall").asDouble(), within(TOL));
            assertThat(mine.metrics().specificity().estimate()).isCloseTo(pc.get("specificity").asDouble(), within(TOL));
            assertThat(mine.metrics().ppv().estimate()).isCloseTo(pc.get("PPV_precision").asDouble(), within(TOL));
            assertThat(mine.metrics().npv().estimate()).isCloseTo(pc.get("NPV").asDouble(), within(TOL));
            assertThat(mine.auc().auc()).isCloseTo(pc.get("auc_ovr").asDouble(), within(TOL));
            assertThat(mine.auc().ciLow()).isLessThanOrEqualTo(mine.auc().auc());
        }
        assertThat(r.macroAuc()).isCloseTo(ref.get("macro_auc_ovr").asDouble(), within(TOL));
    }

    @Test
    void argMaxTakesTheFirstClassOnTiesAndRejectsBadLabels() {
        // case 0: p = (0.4, 0.4, 0.2) → class 0 (first maximum); case 1: class 1; case 2: class 2
        int[] y = {0, 1, 2, 1};
        double[][] p = {{0.4, 0.4, 0.2}, {0.1, 0.8, 0.1}, {0.2, 0.2, 0.6}, {0.5, 0.3, 0.2}};
        MultiClassEvaluation.Result r = MultiClassEvaluation.evaluate(y, p);
        assertThat(r.confusion()[0][0]).isEqualTo(1);
        assertThat(r.confusion()[1][0]).isEqualTo(1); // case 3: true 1, predicted 0
        assertThat(r.accuracy().estimate()).isEqualTo(0.75); // 3 of 4
        assertThatThrownBy(() -> MultiClassEvaluation.evaluate(new int[] {0, 3}, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label[1] = 3");
    }
}
