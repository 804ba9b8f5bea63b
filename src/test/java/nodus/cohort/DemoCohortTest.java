package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import nodus.base.security.Role;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A fresh start creates the demo cohort with the reference study's three tasks. */
@SpringBootTest
@WithMockUser(username = "sue", roles = Role.SUPERVISOR_NAME)
class DemoCohortTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @Autowired
    CohortService cohorts;

    @Test
    void freshStartHasTheDemoCohortWithThreeTasks() {
        List<Cohort> all = cohorts.list();
        assertThat(all).extracting(Cohort::name).containsExactly(DemoCohortService.COHORT_NAME);
        Cohort demo = all.get(0);
        assertThat(demo.version()).isEqualTo(1);
        assertThat(demo.tasks()).extracting(Task::name).containsExactly(DemoCohortService.TASK_N0_VS_NPLUS,
                DemoCohortService.TASK_LOW_VS_HIGH, DemoCohortService.TASK_THREE_CLASS);
        assertThat(demo.tasks()).extracting(Task::kind).containsExactly(TaskKind.BINARY, TaskKind.BINARY_SUBSET,
                TaskKind.MULTICLASS);
        List<ClinicalCase> cases = cohorts.cases(demo.id());
        assertThat(cases).hasSize(300);
        // 639 : 98 : 155 scaled to 300 by largest remainder.
        Map<Long, Integer> three = cohorts.labels(demo.id(), DemoCohortService.TASK_THREE_CLASS);
        assertThat(three.values().stream().filter(l -> l == 0).count()).isEqualTo(215);
        assertThat(three.values().stream().filter(l -> l == 1).count()).isEqualTo(33);
        assertThat(three.values().stream().filter(l -> l == 2).count()).isEqualTo(52);
        Map<Long, Integer> binary = cohorts.labels(demo.id(), DemoCohortService.TASK_N0_VS_NPLUS);
        assertThat(binary).hasSize(300);
        assertThat(binary.values().stream().filter(l -> l == 1).count()).isEqualTo(85);
        assertThat(cohorts.labels(demo.id(), DemoCohortService.TASK_LOW_VS_HIGH)).hasSize(85);
        ClinicalCase first = cases.get(0);
        assertThat(first.images()).hasSize(1);
        CaseImage image = first.images().get(0);
        assertThat(image.width()).isEqualTo(128);
        assertThat(image.spacingX()).isEqualTo(0.5);
        assertThat(image.maskPixels()).isPositive();
        assertThat(Files.isRegularFile(cohorts.file(demo.datasetId(), image.imagePath()))).isTrue();
        assertThat(Files.isRegularFile(cohorts.file(demo.datasetId(), image.maskPath()))).isTrue();
    }

    @Test
    void generatorIsDeterministic() {
        var a = DemoCohortGenerator.generate(20, 64, 7);
        var b = DemoCohortGenerator.generate(20, 64, 7);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).values()).isEqualTo(b.get(i).values());
            assertThat(a.get(i).image()).isEqualTo(b.get(i).image());
            assertThat(a.get(i).mask()).isEqualTo(b.get(i).mask());
        }
        assertThat(DemoCohortGenerator.classSizes(892)).containsExactly(639, 98, 155);
    }
}
