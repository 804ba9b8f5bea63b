package nodus.classical.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nodus.classical.CombinedModel;
import org.junit.jupiter.api.Test;

class ClassicalRunSpecTest {

    @Test
    void defaultsAreTheStudysAndTheCanonicalJsonRoundTrips() {
        ClassicalRunSpec s = ClassicalRunSpec.parse("{\"cohortRef\":\"demo@1\",\"task\":\"n0-vs-nplus\",\"split\":\"s1\"}");
        assertThat(s.seed()).isEqualTo(42L);
        assertThat(s.radiomics().binWidth()).isEqualTo(25.0);
        assertThat(s.radiomics().clip()).isEqualTo("image");
        assertThat(s.radiomics().spearmanThreshold()).isEqualTo(0.9);
        assertThat(s.lasso().folds()).isEqualTo(10);
        assertThat(s.lasso().toCv(1).cGrid()).hasSize(13);
        assertThat(s.clinical().screeningP()).isEqualTo(0.1);
        assertThat(s.combined().pcaComponents()).isEqualTo(128);
        assertThat(s.combined().model()).isEqualTo(CombinedModel.Mode.AUTO);
        assertThat(s.combined().chooseOn()).isEqualTo("VALIDATION");
        assertThat(s.combined().deepFeatureRunId()).isNull();
        assertThat(ClassicalRunSpec.parse(s.toJson())).isEqualTo(s);
        assertThat(ClassicalRunSpec.parse(s.toJson()).toJson()).isEqualTo(s.toJson());
    }

    @Test
    void fullSpecIsRead() {
        ClassicalRunSpec s = ClassicalRunSpec.parse("""
                {"cohortRef":"demo@1","task":"t","split":"s","seed":5,
                 "radiomics":{"binWidth":5,"clip":"none","spearmanThreshold":0.8},
                 "lasso":{"cGrid":[0.1,1,10],"folds":5,"oneSe":true},
                 "clinical":{"screeningP":0.05},
                 "combined":{"deepFeatureRunId":12,"pcaComponents":64,"model":"SVM"}}""");
        assertThat(s.lasso().toCv(5).cGrid()).containsExactly(0.1, 1, 10);
        assertThat(s.lasso().toCv(5).rule().name()).isEqualTo("ONE_SE");
        assertThat(s.combined().deepFeatureRunId()).isEqualTo(12L);
        assertThat(s.combined().model()).isEqualTo(CombinedModel.Mode.SVM);
        assertThat(s.radiomics().clip()).isEqualTo("none");
    }

    @Test
    void unknownFieldsAndBadValuesAreErrors() {
        assertThatThrownBy(() -> ClassicalRunSpec.parse(
                "{\"cohortRef\":\"d@1\",\"task\":\"t\",\"split\":\"s\",\"sead\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sead");
        assertThatThrownBy(() -> ClassicalRunSpec.parse(
                "{\"cohortRef\":\"d@1\",\"task\":\"t\",\"split\":\"s\",\"lasso\":{\"fold\":3}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fold");
        assertThatThrownBy(() -> ClassicalRunSpec.parse("{\"task\":\"t\",\"split\":\"s\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cohortRef");
        assertThatThrownBy(() -> ClassicalRunSpec.parse(
                "{\"cohortRef\":\"d@1\",\"task\":\"t\",\"split\":\"s\",\"combined\":{\"model\":\"RF\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RF");
        assertThatThrownBy(() -> ClassicalRunSpec.parse(
                "{\"cohortRef\":\"d@1\",\"task\":\"t\",\"split\":\"s\",\"radiomics\":{\"clip\":\"lesions\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clip");
    }
}
