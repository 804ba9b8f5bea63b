package nodus.deeplearning.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FineTuneSpecTest {

    @Test
    void parsesWithTheStudyDefaultsAndRoundTrips() {
        FineTuneSpec s = FineTuneSpec.parse(
                "{\"cohortRef\":\"demo@1\",\"task\":\"n0-vs-nplus\",\"split\":\"main\",\"backbone\":\"inception_v3\"}");
        assertThat(s.imageSize()).isEqualTo(299);
        assertThat(s.lr()).isEqualTo(0.001);
        assertThat(s.momentum()).isEqualTo(0.9);
        assertThat(s.batchSize()).isEqualTo(32);
        assertThat(s.pretrained()).isFalse();
        assertThat(FineTuneSpec.parse(s.toJson())).isEqualTo(s);
        assertThat(s.toJson()).startsWith("{\"augmentation\":true,\"backbone\":\"inception_v3\"");
    }

    @Test
    void unknownFieldsAndBadValuesAreErrorsNamingTheField() {
        assertThatThrownBy(() -> FineTuneSpec.parse("{\"cohortRef\":\"d\",\"task\":\"t\",\"split\":\"s\","
                + "\"backbone\":\"resnet50\",\"learningRate\":0.1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> FineTuneSpec.parse("{\"task\":\"t\",\"split\":\"s\",\"backbone\":\"resnet50\"}"))
                .hasMessageContaining("cohortRef");
        assertThatThrownBy(() -> FineTuneSpec.parse("{\"cohortRef\":\"d\",\"task\":\"t\",\"split\":\"s\","
                + "\"backbone\":\"alexnet\"}")).hasMessageContaining("alexnet");
        assertThatThrownBy(() -> FineTuneSpec.parse("{\"cohortRef\":\"d\",\"task\":\"t\",\"split\":\"s\","
                + "\"backbone\":\"inception_v3\",\"imageSize\":64}")).hasMessageContaining("imageSize");
    }

    @Test
    void aucIsTheMannWhitneyStatisticWithMidRanks() {
        double[] s = {0.1, 0.4, 0.35, 0.8};
        boolean[] p = {false, false, true, true};
        // Hand count: 3 of the 4 (positive, negative) pairs are ordered (0.35 < 0.4 is not).
        assertThat(Auc.of(s, p)).isEqualTo(0.75);
        // A tied pair counts ½.
        assertThat(Auc.of(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
    }
}
