package nodus.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The clinical and combined models on a seeded synthetic cohort with a known signal (60/20/20 by row blocks). */
class ClinicalAndCombinedModelTest {

    final Synthetic s = new Synthetic(250, 11);
    final FeatureTable train = s.part(0, 150);
    final FeatureTable validation = s.part(150, 200);
    final FeatureTable test = s.part(200, 250);

    @Test
    void clinicalModelScreensOnTrainAndPredicts() {
        FeatureTable clinicalTrain = train.select(List.of("age", "size", "category", "noise"));
        ClinicalModel.Fitted m = ClinicalModel.fit(PartTable.train(clinicalTrain),
                new ClinicalModel.Spec(0.1, Synthetic.TYPES, LassoCv.Spec.standard(5)), new StatisticsUnivariateTests());
        assertThat(m.screening().entries()).hasSize(4);
        assertThat(m.screening().kept()).contains("size", "age"); // the strong effects (0.8 sd and 1 sd); "noise" may pass by chance (P(p < 0.1) = 0.1)
        assertThat(m.screening().fittedOn().caseIdHash()).isEqualTo(train.caseIdHash());
        assertThat(m.zscore().featureNames()).containsExactlyElementsOf(m.screening().kept());
        double[] p = m.probability(test);
        assertThat(java.util.Arrays.stream(p).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        assertThat(Synthetic.bruteForceAuc(p, test.labels())).isGreaterThan(0.7);
    }

    @Test
    void commonsScreeningTestsGiveSensiblePValues() {
        StatisticsUnivariateTests t = new StatisticsUnivariateTests();
        // identical groups → no evidence; clearly shifted groups → strong evidence
        assertThat(t.pValue("x", VariableType.CONTINUOUS, new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}))
                .isGreaterThan(0.9);
        assertThat(t.pValue("x", VariableType.CONTINUOUS, new double[] {11, 12, 13, 14, 15, 16, 17, 18},
                new double[] {1, 2, 3, 4, 5, 6, 7, 8})).isLessThan(0.001);
        // 2 × 2 with small expected counts → Fisher: positives (1,1,1,1) vs negatives (0,0,0,0):
        // table [[0,4],[4,0]], two-sided Fisher p = 2/C(8,4) = 2/70
        assertThat(t.pValue("c", VariableType.CATEGORICAL, new double[] {1, 1, 1, 1}, new double[] {0, 0, 0, 0}))
                .isCloseTo(2.0 / 70, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void combinedModelChoosesOnValidationAndRecordsWhy() {
        CombinedModel.Spec spec = new CombinedModel.Spec(8, LassoCv.Spec.standard(3), SvmPlatt.Spec.rbf(9));
        CombinedModel.Fitted m = CombinedModel.fit(PartTable.train(train), PartTable.validation(validation),
                s.deepSource(), spec);
        assertThat(m.pca().k()).isEqualTo(8);
        assertThat(m.pca().fittedOn().part()).isEqualTo(SplitPart.TRAIN);
        assertThat(m.pca().fittedOn().caseIdHash()).isEqualTo(train.caseIdHash());
        assertThat(m.zscore().fittedOn().caseIdHash()).isEqualTo(train.caseIdHash());
        assertThat(m.svm().fittedOn().caseIdHash()).isEqualTo(train.caseIdHash());
        assertThat(m.selected()).contains("radscore");
        CombinedModel.Choice c = m.choice();
        assertThat(c.choseOn().part()).isEqualTo(SplitPart.VALIDATION);
        assertThat(c.choseOn().caseIdHash()).isEqualTo(validation.caseIdHash());
        assertThat(c.chosen()).isEqualTo(c.validationAucSvm() > c.validationAucLr()
                ? CombinedModel.Kind.SVM : CombinedModel.Kind.LOGISTIC_REGRESSION);
        assertThat(c.reason()).contains("validation AUC").contains(c.chosen().name());
        double[] p = m.probability(test, s.deepSource());
        assertThat(java.util.Arrays.stream(p).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        assertThat(Synthetic.bruteForceAuc(p, test.labels())).isGreaterThan(0.8);
    }

    @Test
    void combinedModelRefusesTestDataForTheChoiceAndOverlappingParts() {
        CombinedModel.Spec spec = new CombinedModel.Spec(4, LassoCv.Spec.standard(3), SvmPlatt.Spec.rbf(9));
        assertThatThrownBy(() -> CombinedModel.fit(PartTable.train(train), PartTable.test(test), s.deepSource(), spec))
                .isInstanceOf(LeakageException.class).hasMessageContaining("VALIDATION");
        assertThatThrownBy(() -> CombinedModel.fit(PartTable.validation(train), PartTable.validation(validation),
                s.deepSource(), spec)).isInstanceOf(LeakageException.class);
        assertThatThrownBy(() -> CombinedModel.fit(PartTable.train(train), PartTable.validation(train.rows(new int[] {0})),
                s.deepSource(), spec)).isInstanceOf(LeakageException.class).hasMessageContaining("case0");
    }
}
