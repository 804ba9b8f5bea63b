package nodus.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every fitted step refuses data of a part other than TRAIN; the model choice accepts only VALIDATION. */
class LeakageGuardTest {

    static final FeatureTable T = HandCheckTest.sixCases();

    private static void refusedOnValidationAndTest(String step, Consumer<PartTable> fit) {
        for (SplitPart part : List.of(SplitPart.VALIDATION, SplitPart.TEST)) {
            assertThatThrownBy(() -> fit.accept(new PartTable(part, T)))
                    .as("%s on %s", step, part)
                    .isInstanceOf(LeakageException.class)
                    .hasMessageContaining("refused")
                    .hasMessageContaining(step)
                    .hasMessageContaining(part.name());
        }
        fit.accept(PartTable.train(T)); // the same data on TRAIN is fine
    }

    @Test
    void spearmanFilter() {
        refusedOnValidationAndTest("spearman-filter", SpearmanFilter::fit);
    }

    @Test
    void zScore() {
        refusedOnValidationAndTest("z-score", ZScore::fit);
    }

    @Test
    void lassoAndLassoCv() {
        refusedOnValidationAndTest("lasso-logistic", p -> LassoLogistic.fit(p, LassoLogistic.Spec.of(1)));
        LassoCv.Spec cv = new LassoCv.Spec(new double[] {0.1, 1}, 3, 1e-8, 1000, 1, LassoCv.Rule.MAX_MEAN_AUC,
                LassoCv.Aggregate.NUMPY_MEAN);
        refusedOnValidationAndTest("lasso-cv", p -> LassoCv.fit(p, cv));
        refusedOnValidationAndTest("lasso-cv", p -> LassoCv.fit(p, cv, new int[] {0, 1, 2, 0, 1, 2}));
    }

    @Test
    void pca() {
        refusedOnValidationAndTest("pca", p -> Pca.fit(p, 2));
    }

    @Test
    void svmAndThreshold() {
        refusedOnValidationAndTest("svm-platt", p -> SvmPlatt.fit(p, SvmPlatt.Spec.rbf(1)));
        refusedOnValidationAndTest("threshold", p -> YoudenThreshold.fit(p, new double[] {1, 2, 3, 4, 5, 6}));
    }

    @Test
    void screeningAndClinicalModel() {
        Map<String, VariableType> types = Map.of("x1", VariableType.CONTINUOUS, "x2", VariableType.CONTINUOUS,
                "x3", VariableType.CONTINUOUS, "x4", VariableType.CONTINUOUS);
        refusedOnValidationAndTest("univariate-screening",
                p -> UnivariateScreening.screen(p, types, (f, t, a, b) -> 0.01, 0.1));
        assertThatThrownBy(() -> ClinicalModel.fit(PartTable.test(T),
                new ClinicalModel.Spec(0.1, types, LassoCv.Spec.standard(1)), (f, t, a, b) -> 0.01))
                .isInstanceOf(LeakageException.class).hasMessageContaining("clinical-model");
    }

    @Test
    void modelChoiceOnlyOnValidationAndOnlyBetweenTrainFits() {
        FittedOn trainFit = new FittedOn("svm-platt", SplitPart.TRAIN, "h", 6);
        assertThat(LeakageGuard.chooseOn("choice", PartTable.validation(T), List.of(trainFit)).part())
                .isEqualTo(SplitPart.VALIDATION);
        assertThatThrownBy(() -> LeakageGuard.chooseOn("choice", PartTable.test(T), List.of(trainFit)))
                .isInstanceOf(LeakageException.class).hasMessageContaining("VALIDATION").hasMessageContaining("TEST");
        assertThatThrownBy(() -> LeakageGuard.chooseOn("choice", PartTable.train(T), List.of(trainFit)))
                .isInstanceOf(LeakageException.class);
        FittedOn leaky = new FittedOn("lasso-cv", SplitPart.VALIDATION, "h", 6);
        assertThatThrownBy(() -> LeakageGuard.chooseOn("choice", PartTable.validation(T), List.of(trainFit, leaky)))
                .isInstanceOf(LeakageException.class).hasMessageContaining("lasso-cv");
    }

    @Test
    void validationCasesMustNotOverlapTrainingCases() {
        FeatureTable val = T.rows(new int[] {0, 1});
        assertThatThrownBy(() -> LeakageGuard.requireDisjoint(PartTable.validation(val), T))
                .isInstanceOf(LeakageException.class).hasMessageContaining("c0");
    }

    @Test
    void everyFitRecordsPartAndCaseIdHash() {
        FeatureTable shuffled = T.rows(new int[] {5, 3, 1, 0, 2, 4});
        FittedOn f = ZScore.fit(PartTable.train(shuffled)).fittedOn();
        assertThat(f.part()).isEqualTo(SplitPart.TRAIN);
        assertThat(f.nCases()).isEqualTo(6);
        assertThat(f.caseIdHash()).isEqualTo(CaseIdHash.of(List.of("c0", "c1", "c2", "c3", "c4", "c5")))
                .isEqualTo(T.caseIdHash()); // order-independent
        assertThat(SpearmanFilter.fit(PartTable.train(T)).fittedOn().step()).isEqualTo("spearman-filter");
        assertThat(Pca.fit(PartTable.train(T), 2).fittedOn().caseIdHash()).isEqualTo(T.caseIdHash());
        assertThat(LassoLogistic.fit(PartTable.train(T), LassoLogistic.Spec.of(1)).fittedOn().step())
                .isEqualTo("lasso-logistic");
    }
}
