package nodus.deeplearning.run;

import static org.assertj.core.api.Assertions.assertThat;
import static nodus.support.AsUser.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nodus.base.security.Role;
import nodus.cli.NodusCli;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.deeplearning.SyntheticStudy;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.jobs.ExecuteRun;
import nodus.experiment.jobs.ExecuteRunHandler;
import nodus.registry.RegisteredModel;
import nodus.registry.RegistryService;
import nodus.support.FreshDataHome;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A small FINETUNE run (synthetic study) is exported to the registry and reloaded by {@code nodus predict}: the
 * export carries the checkpoint that made the run's predictions (SHA-256 checked) and its preprocessing, and the
 * reloaded network gives every case's stored probability to 1e-5 (one case per forward pass instead of the run's
 * batches: float32 rounding only).
 */
@SpringBootTest
class FineTuneExportPredictTest {

    static Path home;
    static StudyData data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        home = FreshDataHome.register(registry);
        registry.add("nodus.registry.root", () -> home.resolve("model-registry").toString());
        registry.add("nodus.mlflow.tracking-uri", () -> "");
    }

    @TestConfiguration
    static class Studies {
        @Bean
        @Primary
        StudyDataSource syntheticStudies() {
            return (cohortRef, task, splitRef) -> {
                synchronized (FineTuneExportPredictTest.class) {
                    if (data == null) {
                        data = SyntheticStudy.write(home.resolve("synthetic"), 1, 40, 21);
                    }
                    return data;
                }
            };
        }
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    ExecuteRunHandler handler;
    @Autowired
    RegistryService registry;


    @Test
    void exportedCheckpointReloadedByPredictGivesTheStoredProbabilities() throws Exception {
        TestSupport.djl();
        FineTuneSpec spec = FineTuneSpec.defaults("synthetic@1", "n0-vs-nplus", "main", "resnet50")
                .withTraining(32, 2, 4, 0.01);
        Run run = as("rita", Role.RESEARCHER, () -> {
            long exp = experiments.create("finetune-export", null).id();
            return runs.launch(new NewRun(exp, "resnet50", RunKind.FINETUNE, spec.task(), spec.cohortRef(), "main",
                    spec.toJson(), spec.seed()));
        });
        handler.run(new ExecuteRun(run.id()));
        Run done = runs.find(run.id()).orElseThrow();
        assertThat(done.status()).as(done.statusMessage()).isEqualTo(RunStatus.FINISHED);

        RegisteredModel m = as("rita", Role.RESEARCHER, () -> registry.export(run.id(), "syn-resnet"));
        assertThat(m.weightsPresent()).isTrue();
        JsonNode manifest = new ObjectMapper().readTree(m.directory().resolve("manifest.json").toFile());
        assertThat(manifest.path("model").path("format").asText()).isEqualTo("nodus-finetune/1");
        assertThat(manifest.path("model").path("preprocessing").path("imageSize").asInt()).isEqualTo(32);
        assertThat(m.directory().resolve("model/checkpoint.params")).exists();

        for (CasePrediction p : runs.predictions(run.id())) {
            StudyCase c = data.cases().stream().filter(x -> x.caseId().equals(p.caseId())).findFirst().orElseThrow();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = NodusCli.run(new PrintWriter(out), new PrintWriter(err), "predict", "--model",
                    m.directory().toString(), "--image", c.image().toString(), "--mask", c.mask().toString());
            assertThat(code).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.path("probability").asDouble()).as(c.caseId()).isCloseTo(p.score(), Offset.offset(1e-5));
            assertThat(json.path("threshold").isNumber()).isTrue();
        }

        // the checkpoint file edited after export: predict refuses it (SHA-256 differs from the manifest)
        Path params = m.directory().resolve("model/checkpoint.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 1] ^= 1;
        Files.write(params, bytes);
        StringWriter err = new StringWriter();
        StudyCase c = data.cases().get(0);
        int code = NodusCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "predict", "--model",
                m.directory().toString(), "--image", c.image().toString(), "--mask", c.mask().toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("SHA-256");
    }
}
