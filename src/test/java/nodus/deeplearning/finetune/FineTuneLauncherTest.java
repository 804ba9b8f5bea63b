package nodus.deeplearning.finetune;

import static nodus.experiment.compare.CompareFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nodus.base.security.Role;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.DemoCohortService;
import nodus.cohort.Split;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.CasePrediction;
import nodus.experiment.Run;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.SplitPart;
import nodus.experiment.compare.CaseImages;
import nodus.experiment.jobs.ExecuteRun;
import nodus.experiment.jobs.ExecuteRunHandler;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The services behind the fine-tuning launch form and the run page, on a small demo cohort (60 cases, 64 px):
 * the form's choices, who may launch (server-side), weights restricted to the pretrained folders, the split's
 * content hash recorded; a tiny run executed by the job handler, watched through the monitor (never more than
 * 4 updates a second), its curves, and the drill-down's thumbnail and Grad-CAM images.
 */
@SpringBootTest
class FineTuneLauncherTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
        registry.add("nodus.demo.cases", () -> "60");
        registry.add("nodus.demo.size", () -> "64");
    }

    @Autowired
    FineTuneLauncher launcher;
    @Autowired
    FineTuneMonitor monitor;
    @Autowired
    CaseImages images;
    @Autowired
    CohortService cohorts;
    @Autowired
    SplitService splits;
    @Autowired
    RunService runs;
    @Autowired
    ExecuteRunHandler handler;

    String cohortRef;
    Split split;

    @BeforeEach
    void split() {
        Cohort demo = cohorts.versions(DemoCohortService.COHORT_NAME).get(0);
        cohortRef = demo.ref();
        split = as("rita", Role.RESEARCHER, () -> splits.list(demo.id()).stream()
                .filter(s -> s.name().equals("main")).findFirst()
                .orElseGet(() -> splits.create(demo.id(), DemoCohortService.TASK_N0_VS_NPLUS,
                        SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 42, List.of(), "main")));
    }

    private FineTuneSpec tiny(long seed) {
        return FineTuneSpec.defaults(cohortRef, DemoCohortService.TASK_N0_VS_NPLUS, "main", "resnet50")
                .withTraining(32, 2, 12, 0.01).withSeed(seed);
    }

    @Test
    void formChoicesComeFromTheCohortsAndThePretrainedFolders() {
        assertThat(launcher.cohorts()).contains(cohortRef);
        assertThat(launcher.tasks(cohortRef)).containsExactlyElementsOf(DemoCohortService.tasks().stream()
                .map(t -> t.name()).toList());
        assertThat(launcher.splits(cohortRef, DemoCohortService.TASK_N0_VS_NPLUS)).contains("main");
        assertThat(launcher.splits(cohortRef, DemoCohortService.TASK_THREE_CLASS)).doesNotContain("main");
        assertThat(launcher.backbones()).containsExactly("resnet50", "resnet101", "wide_resnet50_2", "vgg19",
                "inception_v3");
        assertThat(launcher.defaultImageSize("inception_v3")).isEqualTo(299);
        List<WeightsOption> w = launcher.weights("resnet50");
        assertThat(w.get(0)).isEqualTo(WeightsOption.NONE);
        assertThat(w.get(0).pretrained()).isFalse();
        assertThat(w).allSatisfy(o -> assertThat(o.path() == null || o.path().endsWith(".pth")
                || o.path().endsWith(".pt") || o.path().endsWith(".json")).isTrue());
    }

    @Test
    void onlyResearchersAndAdminsLaunchAndWeightsMustComeFromThePretrainedFolders() {
        long exp = as("rita", Role.RESEARCHER, () -> launcher.createExperiment("launch rights").id());
        assertThatThrownBy(() -> as("sam", Role.SUPERVISOR, () -> launcher.launch(exp, null, tiny(1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("rita", Role.RESEARCHER, () -> launcher.launch(exp, null,
                tiny(1).withWeights("/etc/passwd"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("weights: /etc/passwd");
        Run byAdmin = as("admin", Role.ADMIN, () -> launcher.launch(exp, null, tiny(2)));
        assertThat(byAdmin.createdBy()).isEqualTo("admin");
        Run run = as("rita", Role.RESEARCHER, () -> launcher.launch(exp, "", tiny(3)));
        // The run records the split's content hash (not its name) and the canonical spec.
        assertThat(run.splitHash()).isEqualTo(split.contentHash()).isNotEqualTo("main");
        assertThat(run.name()).isEqualTo("resnet50 · " + DemoCohortService.TASK_N0_VS_NPLUS + " · main");
        assertThat(FineTuneSpec.parse(runs.spec(run.id()).orElseThrow())).isEqualTo(tiny(3));
        // The same launch again is the same run (content-addressed).
        assertThat(as("rita", Role.RESEARCHER, () -> launcher.launch(exp, "", tiny(3))).id()).isEqualTo(run.id());
        as("rita", Role.RESEARCHER, () -> {
            runs.cancel(byAdmin.id());
            runs.cancel(run.id());
            return null;
        });
    }

    @Test
    void aWatchedRunIsPushedAtMostFourTimesASecondAndGivesImages() throws Exception {
        TestSupport.djl();
        long exp = as("rita", Role.RESEARCHER, () -> launcher.createExperiment("watched").id());
        Run run = as("rita", Role.RESEARCHER, () -> launcher.launch(exp, null, tiny(7)));
        List<Long> times = new CopyOnWriteArrayList<>();
        List<RunSnapshot> seen = new CopyOnWriteArrayList<>();
        Runnable stop = as("rita", Role.RESEARCHER, () -> monitor.watch(run.id(), s -> {
            times.add(System.nanoTime());
            seen.add(s);
        }));
        try {
            handler.run(new ExecuteRun(run.id()));
            long deadline = System.currentTimeMillis() + 10_000;
            while (seen.isEmpty() || seen.get(seen.size() - 1).run().status() != RunStatus.FINISHED) {
                assertThat(System.currentTimeMillis()).as("the monitor reports the end").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            stop.run();
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add((times.get(i) - times.get(i - 1)) / 1_000_000);
        }
        assertThat(gaps).as("ms between updates").allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(240));
        assertThat(seen).anySatisfy(s -> assertThat(s.progress()).isNotNull());
        RunSnapshot last = seen.get(seen.size() - 1);
        assertThat(last.notPretrained()).isTrue();
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.epochs()).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(last.epochs()).allSatisfy(e -> assertThat(e.values()).containsKeys("train_loss", "val_loss",
                "train_auc", "val_auc"));

        JsonNode loss = new ObjectMapper().readTree(TrainingCurves.loss(last.epochs(), 2));
        assertThat(loss.at("/series/0/data")).hasSize(2);
        assertThat(loss.at("/series/0/data/1/1").asDouble()).isEqualTo(last.epochs().get(1).get("train_loss"));
        assertThat(TrainingCurves.points(last.epochs(), "val_auc")).isEqualTo(2);

        CasePrediction test = runs.predictions(run.id()).stream().filter(p -> p.part() == SplitPart.TEST)
                .findFirst().orElseThrow();
        String thumb = images.thumbnailDataUrl(cohortRef, test.caseId(), run.id()).orElseThrow();
        assertThat(thumb).startsWith("data:image/png;base64,");
        String cam = as("rita", Role.RESEARCHER, () -> images.gradCamDataUrl(cohortRef, test.caseId(), run.id()))
                .orElseThrow();
        assertThat(cam).startsWith("data:image/png;base64,");
        assertThat(images.thumbnailDataUrl(cohortRef, "no-such-case", run.id())).isEmpty();
        assertThat(images.gradCamDataUrl(cohortRef, "no-such-case", run.id())).isEmpty();
    }
}
