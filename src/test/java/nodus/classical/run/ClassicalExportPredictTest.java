package nodus.classical.run;

import static org.assertj.core.api.Assertions.assertThat;
import static nodus.support.AsUser.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nodus.base.security.Role;
import nodus.cli.NodusCli;
import nodus.cohort.study.ClinicalVariable;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyDataSource;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.registry.RegisteredModel;
import nodus.registry.RegistryService;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A RADIOMICS and a CLINICAL run on a synthetic study are exported to the registry and reloaded by
 * {@code nodus predict} (no database, no Spring: the CLI reads only the export folder); for cases of every part the
 * printed probability equals the run's stored per-case probability (to 1e-9; the arithmetic is the same, so in
 * practice it is bit-identical). Also: the model file's contents (signature, z-score, clinical coding) and the
 * manifest's model section.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassicalExportPredictTest {

    static final SyntheticStudySource SOURCE = SyntheticStudySource.inTempDir(80, 11);
    static final ObjectMapper JSON = new ObjectMapper();
    static Path registryRoot;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path home = FreshDataHome.register(registry);
        registryRoot = home.resolve("model-registry");
        registry.add("nodus.registry.root", registryRoot::toString);
        registry.add("nodus.mlflow.tracking-uri", () -> "");
    }

    @TestConfiguration
    static class Study {
        @Bean
        @Primary
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
    @Autowired
    RegistryService registry;

    Run radiomics;
    Run clinical;
    Run combined;


    @BeforeAll
    void runBoth() {
        as("rita", Role.RESEARCHER, () -> {
            long exp = experiments.create("export-" + UUID.randomUUID(), null).id();
            ClassicalRunSpec spec = new ClassicalRunSpec(SyntheticStudySource.COHORT, SyntheticStudySource.TASK,
                    SyntheticStudySource.SPLIT, 7L, null, new ClassicalRunSpec.Lasso(null, 5, false), null, null);
            radiomics = study.executeNow(study.launch(exp, RunKind.RADIOMICS, spec).id());
            clinical = study.executeNow(study.launch(exp, RunKind.CLINICAL, spec).id());
            // the SVM fixed, so that the reload goes through the serialised Tribuo model and Platt scaling
            ClassicalRunSpec svm = new ClassicalRunSpec(spec.cohortRef(), spec.task(), spec.split(), spec.seed(), null,
                    spec.lasso(), null, new ClassicalRunSpec.Combined(null, null,
                    nodus.classical.CombinedModel.Mode.SVM, null, null));
            combined = study.executeNow(study.launch(exp, RunKind.COMBINED, svm).id());
            return null;
        });
        assertThat(radiomics.status()).as(radiomics.statusMessage()).isEqualTo(RunStatus.FINISHED);
        assertThat(clinical.status()).as(clinical.statusMessage()).isEqualTo(RunStatus.FINISHED);
        assertThat(combined.status()).as(combined.statusMessage()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void combinedExportWithoutDeepFeaturesReloadedByPredictGivesTheStoredProbability() throws IOException {
        RegisteredModel m = as("rita", Role.RESEARCHER, () -> registry.export(combined.id(), "syn-combined"));
        assertThat(m.weightsPresent()).as("weights of the combined export").isTrue();
        JsonNode file = JSON.readTree(m.directory().resolve("model/classical-model.json").toFile());
        JsonNode choice = JSON.readTree(runs.provenance(combined.id()).orElseThrow()).path("model").path("choice");
        assertThat(file.path("combined").path("chosen").asText()).isEqualTo(choice.path("chosen").asText())
                .isEqualTo("SVM");
        assertThat(m.directory().resolve("model/combined-svm.tribuo.ser")).exists();
        Path dir = Files.createTempDirectory("combined-rows");
        for (StudyCase c : sample()) {
            Path row = dir.resolve(c.caseId() + ".csv");
            Files.writeString(row, csv(c));
            JsonNode out = predict("--model", m.directory().toString(), "--image", c.image().toString(), "--mask",
                    c.mask().toString(), "--spacing", c.spacingX() + "," + c.spacingY(), "--clinical",
                    row.toString());
            assertThat(out.path("probability").asDouble()).as(c.caseId())
                    .isCloseTo(stored(combined, c.caseId()), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void radiomicsExportReloadedByPredictGivesTheStoredProbability() throws IOException {
        RegisteredModel m = as("rita", Role.RESEARCHER, () -> registry.export(radiomics.id(), "syn-radiomics"));
        assertThat(m.weightsPresent()).isTrue();
        JsonNode manifest = JSON.readTree(m.directory().resolve("manifest.json").toFile());
        assertThat(manifest.path("model").path("format").asText()).isEqualTo("nodus-classical/1");
        assertThat(manifest.path("model").path("files").toString()).contains("model/classical-model.json");
        JsonNode file = JSON.readTree(m.directory().resolve("model/classical-model.json").toFile());
        JsonNode prov = JSON.readTree(runs.provenance(radiomics.id()).orElseThrow()).path("model");
        // the exported signature is the run's (full precision)
        assertThat(file.path("logistic").path("intercept").asDouble())
                .isEqualTo(prov.path("signature").path("intercept").asDouble());
        assertThat(file.path("logistic").path("features").toString())
                .isEqualTo(prov.path("signature").path("features").toString());
        assertThat(file.path("radiomics").path("settingsHash").asText())
                .isEqualTo(prov.path("extraction").path("settingsHash").asText());
        assertThat(file.path("zscore").path("features").size()).isEqualTo(prov.path("zscore").path("features").asInt());

        for (StudyCase c : sample()) {
            JsonNode out = predict("--model", m.directory().toString(), "--image", c.image().toString(), "--mask",
                    c.mask().toString(), "--spacing", c.spacingX() + "," + c.spacingY());
            assertThat(out.path("probability").asDouble()).as(c.caseId())
                    .isCloseTo(stored(radiomics, c.caseId()), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(out.path("threshold").asDouble()).isEqualTo(metric(radiomics, "train_threshold"));
            assertThat(out.path("label").asText()).isIn("negative", "positive");
        }
        // a radiomics model without the spacing: one line naming what is missing, exit 2
        StringWriter err = new StringWriter();
        int code = NodusCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "predict", "--model",
                m.directory().toString(), "--image", sample().get(0).image().toString(), "--mask",
                sample().get(0).mask().toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--spacing").hasLineCount(1);
    }

    @Test
    void clinicalExportReloadedByPredictGivesTheStoredProbability() throws IOException {
        RegisteredModel m = as("rita", Role.RESEARCHER, () -> registry.export(clinical.id(), "syn-clinical"));
        assertThat(m.weightsPresent()).isTrue();
        Path dir = Files.createTempDirectory("clinical-rows");
        boolean sawMissing = false;
        List<StudyCase> cases = new ArrayList<>(sample());
        // include a case whose age is missing (TRAIN-median fill)
        SOURCE.data().cases().stream().filter(c -> !c.clinical().containsKey("age")).findFirst().ifPresent(cases::add);
        for (StudyCase c : cases) {
            Path row = dir.resolve(c.caseId() + ".csv");
            Files.writeString(row, csv(c));
            sawMissing |= !c.clinical().containsKey("age");
            JsonNode out = predict("--model", m.directory().toString(), "--clinical", row.toString());
            assertThat(out.path("probability").asDouble()).as(c.caseId())
                    .isCloseTo(stored(clinical, c.caseId()), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(sawMissing).isTrue();
        // a category the model does not know: exit 2, naming the column
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "age,shape,density\n50,star,a\n");
        StringWriter err = new StringWriter();
        int code = NodusCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "predict", "--model",
                m.directory().toString(), "--clinical", bad.toString());
        JsonNode file = JSON.readTree(m.directory().resolve("model/classical-model.json").toFile());
        if (file.path("clinical").path("kept").toString().contains("shape")) {
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("shape").contains("star");
        }
    }

    @Test
    void aRunWhoseSpecIsNotAClassicalSpecExportsWithoutWeightsAndSaysWhy() {
        Run odd = as("rita", Role.RESEARCHER, () -> {
            long exp = experiments.create("odd-" + UUID.randomUUID(), null).id();
            Run r = runs.launch(new nodus.experiment.NewRun(exp, "odd", RunKind.RADIOMICS, "t", "c@1", "h",
                    "{\"model\":\"lr\"}", 1L));
            runs.markRunning(r.id());
            runs.savePredictions(r.id(), List.of(CasePrediction.binary("a", nodus.experiment.SplitPart.TRAIN, 1, 0.7)));
            runs.finish(r.id(), "{}");
            return r;
        });
        RegisteredModel m = as("rita", Role.RESEARCHER, () -> registry.export(odd.id(), "odd"));
        assertThat(m.weightsPresent()).isFalse();
        assertThat(m.directory().resolve("model")).doesNotExist();
    }

    /** Two cases of each part. */
    private static List<StudyCase> sample() {
        List<StudyCase> out = new ArrayList<>();
        for (StudyCase.Part p : StudyCase.Part.values()) {
            out.addAll(SOURCE.data().part(p).subList(0, 2));
        }
        return out;
    }

    private static String csv(StudyCase c) {
        List<String> names = SOURCE.data().variables().stream().map(ClinicalVariable::name).toList();
        List<String> values = names.stream().map(n -> {
            Object v = c.clinical().get(n);
            return v == null ? "" : v.toString();
        }).toList();
        return String.join(",", names) + "\n" + String.join(",", values) + "\n";
    }

    private double stored(Run run, String caseId) {
        return runs.predictions(run.id()).stream().filter(p -> p.caseId().equals(caseId)).findFirst().orElseThrow()
                .score();
    }

    private double metric(Run run, String key) {
        return runs.metrics(run.id()).stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().value();
    }

    private static JsonNode predict(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "predict";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = NodusCli.run(new PrintWriter(out), new PrintWriter(err), all);
        assertThat(code).as(err.toString()).isZero();
        return JSON.readTree(out.toString());
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> unused() {
        return Map.of();
    }
}
