package nodus.classical.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import nodus.base.security.Role;
import nodus.classical.CombinedModel;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyDataSource;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.MetricPoint;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.SplitPart;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The three classical runs end to end on a synthetic study (test-only {@link StudyDataSource}): launched together,
 * executed (synchronously, as the job engine's worker would), each stores a prediction for every case of every part,
 * per-part metrics from the statistics engine and its provenance; the combined model records its SVM/LR choice on
 * VALIDATION; a spec that asks for the choice on TEST is refused by the leakage guard.
 */
@SpringBootTest
class ClassicalRunsTest {

    static final SyntheticStudySource SOURCE = SyntheticStudySource.inTempDir(80, 11);
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @TestConfiguration
    static class Study {
        @Bean
        @org.springframework.context.annotation.Primary // replaces the cohort-backed source in this test
        StudyDataSource syntheticStudy() {
            return SOURCE;
        }
    }

    @Autowired
    ClassicalStudy study;
    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;

    static ClassicalRunSpec spec(Long deepRun, String chooseOn) {
        return new ClassicalRunSpec(SyntheticStudySource.COHORT, SyntheticStudySource.TASK,
                SyntheticStudySource.SPLIT, 7L, null, new ClassicalRunSpec.Lasso(null, 5, false), null,
                new ClassicalRunSpec.Combined(deepRun, 8, CombinedModel.Mode.AUTO, chooseOn, null));
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void allThreeRunsFinishWithPredictionsMetricsAndProvenanceForEveryPart() throws Exception {
        long exp = experiments.create("classical runs", null).id();
        long deepRun = fakeFinetuneRun(exp);

        List<Run> launched = study.launchAll(exp, spec(deepRun, null));
        assertThat(launched).extracting(Run::kind).containsExactly(RunKind.RADIOMICS, RunKind.CLINICAL,
                RunKind.COMBINED);
        assertThat(launched).allMatch(r -> r.status() == RunStatus.QUEUED);
        assertThat(launched).allMatch(r -> r.splitHash().equals(SOURCE.data().splitHash()));

        Set<String> allCases = SOURCE.data().cases().stream().map(StudyCase::caseId).collect(Collectors.toSet());
        for (Run r : launched) {
            Run done = study.executeNow(r.id());
            assertThat(done.status()).as(r.kind() + ": " + done.statusMessage()).isEqualTo(RunStatus.FINISHED);

            List<CasePrediction> preds = runs.predictions(r.id());
            assertThat(preds).extracting(CasePrediction::caseId).containsExactlyInAnyOrderElementsOf(allCases);
            for (CasePrediction p : preds) {
                StudyCase c = SOURCE.data().cases().stream().filter(x -> x.caseId().equals(p.caseId()))
                        .findFirst().orElseThrow();
                assertThat(p.part().name()).isEqualTo(c.part().name());
                assertThat(p.label()).isEqualTo(c.label());
            }
            Map<String, Double> m = runs.metrics(r.id()).stream()
                    .collect(Collectors.toMap(MetricPoint::key, MetricPoint::value));
            for (SplitPart part : SplitPart.values()) {
                String pre = part.metricPrefix() + "_";
                assertThat(m).containsKeys(pre + "auc", pre + "auc_ci_low", pre + "auc_ci_high", pre + "accuracy",
                        pre + "sensitivity", pre + "specificity", pre + "npv", pre + "threshold");
                assertThat(m.get(pre + "auc_ci_low")).isLessThanOrEqualTo(m.get(pre + "auc"));
                assertThat(m.get(pre + "auc_ci_high")).isGreaterThanOrEqualTo(m.get(pre + "auc"));
            }
            // the threshold is the TRAIN Youden threshold, applied unchanged to every part
            assertThat(m.get("val_threshold")).isEqualTo(m.get("train_threshold"));
            assertThat(m.get("test_threshold")).isEqualTo(m.get("train_threshold"));
            // a learnable signal: the models are better than chance on the training part
            assertThat(m.get("train_auc")).as(r.kind() + " train AUC").isGreaterThan(0.7);

            JsonNode prov = JSON.readTree(runs.provenance(r.id()).orElseThrow());
            assertThat(prov.get("splitHash").asText()).isEqualTo(SOURCE.data().splitHash());
            assertThat(prov.get("cohortRef").asText()).isEqualTo(SyntheticStudySource.COHORT);
            assertThat(prov.get("spec").get("seed").asLong()).isEqualTo(7L);
            assertThat(prov.get("libraryVersions").get("tribuo").asText()).isNotBlank();
            assertThat(prov.get("threshold").get("fittedOn").get("part").asText()).isEqualTo("TRAIN");
            assertThat(prov.findValues("tribuoProvenance")).isNotEmpty();
            // every recorded fit was on TRAIN; only the model choice saw VALIDATION, nothing saw TEST
            for (JsonNode fitted : prov.findValues("fittedOn")) {
                assertThat(fitted.get("part").asText()).isEqualTo("TRAIN");
            }
        }
        JsonNode radiomics = JSON.readTree(runs.provenance(launched.get(0).id()).orElseThrow());
        assertThat(radiomics.get("model").get("signature").get("equation").asText()).startsWith("radscore = ");
        assertThat(radiomics.get("model").get("lassoCv").get("nonZeroCoefficients").size()).isPositive();

        JsonNode combined = JSON.readTree(runs.provenance(launched.get(2).id()).orElseThrow()).get("model");
        JsonNode choice = combined.get("choice");
        assertThat(choice.get("choseOn").get("part").asText()).isEqualTo("VALIDATION");
        assertThat(choice.get("chosen").asText()).isIn("SVM", "LOGISTIC_REGRESSION");
        assertThat(choice.get("reason").asText()).contains("validation AUC");
        assertThat(combined.get("deepFeatures").get("used").asBoolean()).isTrue();
        assertThat(combined.get("pca").get("components").asInt()).isEqualTo(8);
        assertThat(combined.get("pca").get("fittedOn").get("part").asText()).isEqualTo("TRAIN");
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void combinedWithoutDeepFeaturesSaysSo() throws Exception {
        long exp = experiments.create("no deep", null).id();
        Run r = study.launch(exp, RunKind.COMBINED, spec(null, null));
        Run done = study.executeNow(r.id());
        assertThat(done.status()).as(done.statusMessage()).isEqualTo(RunStatus.FINISHED);
        JsonNode model = JSON.readTree(runs.provenance(r.id()).orElseThrow()).get("model");
        assertThat(model.get("deepFeatures").get("used").asBoolean()).isFalse();
        assertThat(model.get("deepFeatures").get("note").asText()).contains("clinical variables and the radiomics "
                + "signature only");
        assertThat(model.has("pca")).isFalse();
        assertThat(runs.predictions(r.id())).hasSize(SOURCE.data().cases().size());
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void aSpecChoosingTheModelOnTestIsRefusedByTheLeakageGuard() {
        long exp = experiments.create("leaky", null).id();
        Run r = study.launch(exp, RunKind.COMBINED, spec(null, "TEST"));
        Run done = study.executeNow(r.id());
        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        assertThat(done.statusMessage()).contains("LeakageException").contains("refused")
                .contains("VALIDATION part").contains("TEST");
        assertThat(runs.predictions(r.id())).isEmpty();
        assertThat(runs.metrics(r.id())).isEmpty();
    }

    /** A FINETUNE run (never executed here) holding per-case 32-d "deep features" with some signal. */
    private long fakeFinetuneRun(long exp) {
        Run ft = runs.launch(new NewRun(exp, "backbone", RunKind.FINETUNE, SyntheticStudySource.TASK,
                SyntheticStudySource.COHORT, SOURCE.data().splitHash(), "{\"backbone\":\"fake\"}", 1L));
        Random rnd = new Random(3);
        Map<String, float[]> vectors = new HashMap<>();
        for (StudyCase c : SOURCE.data().cases()) {
            float[] v = new float[32];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) (rnd.nextGaussian() + (j < 4 ? 0.8 * c.label() : 0));
            }
            vectors.put(c.caseId(), v);
        }
        runs.saveCaseFeatures(ft.id(), vectors);
        return ft.id();
    }
}
