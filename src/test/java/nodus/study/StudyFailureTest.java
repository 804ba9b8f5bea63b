package nodus.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import nodus.base.security.Role;
import nodus.experiment.RunKind;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A study whose fine-tuning run fails (its weights file is not a weights file) on the job engine: the radiomics and
 * clinical runs finish, the combined run that needs the backbone's deep features is never launched (BLOCKED,
 * naming the failed prerequisite), the study ends FAILED with a failure summary, and the finished runs still get
 * their comparison. A bad task name is refused with its line before anything is created.
 */
@SpringBootTest
@WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
class StudyFailureTest {

    static Path home;

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        home = FreshDataHome.registerWithJobs(registry);
    }

    @Autowired
    StudyService studies;

    private static final String TASK = "N+(1–2) vs N+(≥3)";

    @Test
    void aFailedPrerequisiteBlocksItsDependantsAndFailsTheStudy() throws Exception {
        Path weights = Files.writeString(home.resolve("broken.pth"), "not a weights file");
        String yaml = """
                name: failing study
                cohort: {name: Demo ALN cohort, version: 1}
                split: {rule: "6:2:2", seed: 5}
                tasks: ["%s"]
                variants:
                  finetune:
                    backbones:
                      resnet50: {weights: %s, inputSize: 32, epochs: 1}
                  radiomics: {binWidth: 25}
                  clinical: {}
                  combined: {backbone: resnet50, pca: 4}
                """.formatted(TASK, weights);
        StudySpec spec = StudyService.parse(yaml, "failing.yaml", home);
        assertThat(studies.check(spec, "failing.yaml")).extracting(PlannedRun::kind)
                .containsExactly(RunKind.FINETUNE, RunKind.RADIOMICS, RunKind.CLINICAL, RunKind.COMBINED);
        Study study = studies.launch(spec, yaml, "failing.yaml");

        StudyProgress p = waitForEnd(study.id(), Duration.ofMinutes(10));
        Map<String, StudyRun.State> states = p.runs().stream()
                .collect(Collectors.toMap(StudyRun::name, StudyRun::state));
        assertThat(p.study().status()).isEqualTo(StudyStatus.FAILED);
        assertThat(states).containsEntry("resnet50 fine-tuned", StudyRun.State.FAILED)
                .containsEntry("Radiomics signature", StudyRun.State.FINISHED)
                .containsEntry("Clinical model", StudyRun.State.FINISHED)
                .containsEntry("Combined (clinical + radiomics + resnet50)", StudyRun.State.BLOCKED);
        assertThat(p.failures()).hasSize(2);
        assertThat(p.failures()).anySatisfy(f -> assertThat(f).contains("resnet50 fine-tuned: failed"));
        assertThat(p.failures()).anySatisfy(f -> assertThat(f)
                .contains("not started, resnet50 fine-tuned (" + TASK + ") did not finish"));
        assertThat(p.comparisons()).containsKey(TASK);
        assertThat(studies.results(study.id()).get(TASK).runs()).hasSize(2);
    }

    @Test
    void anUnknownTaskIsRefusedWithItsLine() {
        String yaml = """
                name: bad task
                cohort: {name: Demo ALN cohort}
                split: {rule: "4:1", seed: 1}
                tasks:
                  - N0 vs N+(≥1)
                  - N0 vs N1
                variants:
                  clinical: {}
                """;
        StudySpec spec = StudyService.parse(yaml, "bad.yaml", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> studies.check(spec, "bad.yaml"))
                .isInstanceOf(StudySpecException.class)
                .hasMessageStartingWith("bad.yaml line 6, field tasks[1]: cohort Demo ALN cohort v1 has no task "
                        + "'N0 vs N1'");
        assertThat(studies.list()).noneMatch(s -> s.name().equals("bad task"));
    }

    private StudyProgress waitForEnd(long id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        StudyProgress p = studies.progress(id);
        while (p.study().status() == StudyStatus.RUNNING && System.nanoTime() < end) {
            Thread.sleep(500);
            p = studies.progress(id);
        }
        return p;
    }
}
