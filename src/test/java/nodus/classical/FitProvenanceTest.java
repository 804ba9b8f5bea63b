package nodus.classical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitProvenanceTest {

    @Test
    void lassoCarriesTribuoProvenanceSpecSeedsDataHashAndVersions() {
        FeatureTable t = HandCheckTest.sixCases();
        LinearModel m = LassoLogistic.fit(PartTable.train(t), new LassoLogistic.Spec(0.7, 1e-8, 500, 42));
        FitProvenance p = m.provenance();
        assertThat(p.step()).isEqualTo("lasso-logistic");
        assertThat(p.spec()).containsEntry("C", 0.7).containsEntry("eps", 1e-8).containsEntry("maxIterations", 500);
        assertThat(p.seeds()).containsEntry("liblinear", 42L);
        assertThat(p.dataHash()).isEqualTo(FitProvenance.dataHash(t)).hasSize(64);
        assertThat(p.fittedOn().caseIdHash()).isEqualTo(t.caseIdHash());
        assertThat(p.libraryVersions()).containsEntry("tribuo", "4.3.2").containsKeys("liblinear-java", "ejml", "java");
        // Tribuo's own model provenance: trainer class and its hyper-parameters
        String json = p.toJson();
        assertThat(json).contains("LibLinearClassificationTrainer").contains("L1R_LR").contains("\"C\" : 0.7");
        assertThat(p.tribuoProvenance()).isNotEmpty();

        FitProvenance back = FitProvenance.fromJson(json);
        assertThat(back.step()).isEqualTo(p.step());
        assertThat(back.dataHash()).isEqualTo(p.dataHash());
        assertThat(back.fittedOn()).isEqualTo(p.fittedOn());
        assertThat(back.seeds()).isEqualTo(p.seeds());
        assertThat(back.libraryVersions()).isEqualTo(p.libraryVersions());
        assertThat(back.toJson()).isEqualTo(json);
    }

    @Test
    void dataHashChangesWithAnyValueOrLabel() {
        FeatureTable t = Tables.of(List.of("a"), new double[][] {{1}, {2}}, 0, 1);
        FeatureTable v = Tables.of(List.of("a"), new double[][] {{1}, {2.0000000001}}, 0, 1);
        FeatureTable y = Tables.of(List.of("a"), new double[][] {{1}, {2}}, 1, 0);
        assertThat(FitProvenance.dataHash(t)).isNotEqualTo(FitProvenance.dataHash(v)).isNotEqualTo(FitProvenance.dataHash(y));
    }

    @Test
    void svmCarriesTribuoProvenance() {
        SvmPlatt.Fitted s = SvmPlatt.fit(PartTable.train(HandCheckTest.sixCases()), SvmPlatt.Spec.rbf(3));
        assertThat(s.provenance().toJson()).contains("LibSVMClassificationTrainer");
        assertThat(s.provenance().seeds()).isEqualTo(Map.of("libsvm", 3L));
    }
}
