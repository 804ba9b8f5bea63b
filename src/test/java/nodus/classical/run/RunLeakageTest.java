package nodus.classical.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import nodus.classical.LassoCv;
import nodus.classical.LeakageException;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.classical.StatisticsUnivariateTests;
import nodus.cohort.study.StudyData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The run code paths refuse to fit anything on VALIDATION or TEST cases (the leakage guard covers them all). */
class RunLeakageTest {

    static StudyData data;
    static Map<SplitPart, PartTable> radiomics;

    @BeforeAll
    static void study() {
        data = SyntheticStudySource.inTempDir(40, 5).data();
        CaseRadiomics.Result r = CaseRadiomics.extract(data, CaseRadiomics.settings(
                new ClassicalRunSpec.Radiomics(null, null, null, null, null)), null, () -> { });
        radiomics = new EnumMap<>(SplitPart.class);
        for (SplitPart p : SplitPart.values()) {
            radiomics.put(p, StudyTables.partTable(data, p, r.names(), r.rows()));
        }
    }

    @Test
    void signatureFitOnValidationOrTestIsRefused() {
        LassoCv.Spec cv = LassoCv.Spec.standard(1).withRule(LassoCv.Rule.MAX_MEAN_AUC);
        for (SplitPart p : new SplitPart[] {SplitPart.VALIDATION, SplitPart.TEST}) {
            assertThatThrownBy(() -> RadiomicsPipeline.fit(radiomics.get(p), 0.9, cv))
                    .isInstanceOf(LeakageException.class).hasMessageContaining("only on the TRAIN part, got " + p);
        }
    }

    @Test
    void clinicalImputationOnValidationOrTestIsRefused() {
        for (SplitPart p : new SplitPart[] {SplitPart.VALIDATION, SplitPart.TEST}) {
            assertThatThrownBy(() -> ClinicalEncoding.fit(data, p))
                    .isInstanceOf(LeakageException.class).hasMessageContaining("clinical-imputation");
        }
        assertThat(ClinicalEncoding.fit(data, SplitPart.TRAIN).fittedOn().part()).isEqualTo(SplitPart.TRAIN);
    }

    @Test
    void thresholdFromAnyPartButTrainIsRefused() {
        Map<SplitPart, PartEvaluation.Scored> swapped = new EnumMap<>(SplitPart.class);
        for (SplitPart p : SplitPart.values()) {
            // the "train" entry holds the test cases: the Youden threshold would be tuned on TEST
            PartTable t = radiomics.get(p == SplitPart.TRAIN ? SplitPart.TEST : p);
            swapped.put(p, new PartEvaluation.Scored(t, new double[t.table().rows()]));
        }
        assertThatThrownBy(() -> PartEvaluation.evaluate(swapped))
                .isInstanceOf(LeakageException.class).hasMessageContaining("'threshold'");
    }

    @Test
    void clinicalScreeningRunsOnTrainOnly() {
        ClinicalEncoding enc = ClinicalEncoding.fit(data, SplitPart.TRAIN);
        var screening = ClinicalPipeline.screen(data, enc, 0.1, new StatisticsUnivariateTests());
        assertThat(screening.fittedOn().part()).isEqualTo(SplitPart.TRAIN);
        assertThat(screening.fittedOn().caseIdHash()).isEqualTo(radiomics.get(SplitPart.TRAIN).table().caseIdHash());
    }
}
