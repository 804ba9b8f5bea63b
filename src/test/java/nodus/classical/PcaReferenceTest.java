package nodus.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PCA 30 → 10 on the z-scored WDBC training rows against scikit-learn 1.9.1 PCA(svd_solver="full") with the
 * largest-|loading|-positive sign convention (make_reference.py in src/test/resources/classical/).
 */
class PcaReferenceTest {

    static final double TOL = 1e-6;

    @Test
    void componentsProjectionAndVarianceEqualSklearn() {
        FeatureTable train = ReferenceData.train();
        FeatureTable test = ReferenceData.test();
        ZScore.Params z = ZScore.fit(PartTable.train(train));
        Pca.Model pca = Pca.fit(PartTable.train(z.apply(train)), 10);

        List<String[]> comp = ReferenceData.csv("pca_components.csv");
        assertThat(List.of(comp.get(0))).containsExactlyElementsOf(pca.featureNames());
        double[][] c = pca.components();
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 30; j++) {
                assertThat(c[i][j]).as("component %d loading %d", i, j)
                        .isCloseTo(Double.parseDouble(comp.get(i + 1)[j]), within(TOL));
            }
        }
        JsonNode ev = ReferenceData.values().get("pca");
        for (int i = 0; i < 10; i++) {
            assertThat(pca.explainedVariance()[i]).isCloseTo(ev.get("explained_variance").get(i).asDouble(), within(TOL));
            assertThat(pca.explainedVarianceRatio()[i]).isCloseTo(ev.get("explained_variance_ratio").get(i).asDouble(), within(TOL));
        }

        FeatureTable proj = pca.project(z.apply(test), "PC");
        List<String[]> ref = ReferenceData.csv("pca_test_projection.csv");
        assertThat(proj.rows()).isEqualTo(ref.size() - 1);
        for (int r = 0; r < proj.rows(); r++) {
            String[] row = ref.get(r + 1);
            assertThat(proj.caseIds().get(r)).isEqualTo(row[10]);
            for (int k = 0; k < 10; k++) {
                assertThat(proj.value(r, k)).as("row %s PC%d", row[10], k + 1)
                        .isCloseTo(Double.parseDouble(row[k]), within(TOL));
            }
        }
        assertThat(pca.fittedOn().part()).isEqualTo(SplitPart.TRAIN);
    }
}
