package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    @Autowired
    SplitService splits;
    @Autowired
    BaselineService baseline;

    private Cohort demo() {
        return cohorts.list().stream().filter(c -> c.name().equals(DemoCohortService.COHORT_NAME)).findFirst()
                .orElseThrow();
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void sameSeedGivesTheSameSplitWithinOneCaseOfSixTwoTwoPerClass() {
        Cohort demo = demo();
        String task = DemoCohortService.TASK_THREE_CLASS;
        Split a = splits.create(demo.id(), task, SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 42, List.of(), null);
        Split b = splits.create(demo.id(), task, SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 42, List.of(), "again");
        Split c = splits.create(demo.id(), task, SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 43, List.of(), null);
        assertThat(b.contentHash()).isEqualTo(a.contentHash());
        assertThat(splits.assignments(b.id()).values()).containsExactlyElementsOf(splits.assignments(a.id()).values());
        assertThat(c.contentHash()).isNotEqualTo(a.contentHash());
        assertThat(a.contentHash()).matches("[0-9a-f]{64}");

        Map<Part, long[]> balance = splits.classBalance(a.id());
        long[] classTotals = {215, 33, 52};
        double[] ratio = {0.6, 0.2, 0.2};
        Part[] parts = {Part.TRAIN, Part.VALIDATION, Part.TEST};
        for (int p = 0; p < 3; p++) {
            for (int k = 0; k < 3; k++) {
                assertThat(Math.abs(balance.get(parts[p])[k] - classTotals[k] * ratio[p])).as("%s class %d", parts[p], k)
                        .isLessThan(1.0);
            }
        }
        // Recomputing the hash from the stored assignment gives the stored hash (patient ids per part).
        Map<String, Part> byPatient = new java.util.HashMap<>();
        Map<Long, Part> assignment = splits.assignments(a.id());
        cohorts.cases(demo.id()).forEach(cs -> byPatient.put(cs.patientKey(), assignment.get(cs.id())));
        assertThat(SplitHash.of(byPatient)).isEqualTo(a.contentHash());
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void balancedFourToOneSplitAndTable1PerPart() {
        Cohort demo = demo();
        Split s = splits.create(demo.id(), DemoCohortService.TASK_N0_VS_NPLUS, SplitScheme.TRAIN_TEST_4_1, 7,
                List.of("tumour_size_mm", "axillary_us"), null);
        assertThat(s.balanceVariables()).containsExactly("tumour_size_mm", "axillary_us");
        Map<Part, long[]> balance = splits.classBalance(s.id());
        assertThat(balance).containsOnlyKeys(Part.TRAIN, Part.TEST);
        assertThat(balance.get(Part.TRAIN)).containsExactly(172, 68);
        assertThat(balance.get(Part.TEST)).containsExactly(43, 17);
        Table1 t = baseline.table1(demo.id(), DemoCohortService.TASK_N0_VS_NPLUS, s.id());
        assertThat(t.parts()).containsExactly("Training", "Test");
        assertThat(t.classes()).containsExactly("N0", "N+(≥1)");
        assertThat(t.rows()).extracting(Table1.Row::variable).contains("age", "tumour_size_mm", "axillary_us", "ki67");
        assertThat(t.rows()).extracting(Table1.Row::variable).doesNotContain("aln_status");
        // The demo's size difference between N0 and N+ is built in: it must show in the training part.
        Table1.Row size = t.rows().stream().filter(r -> r.variable().equals("tumour_size_mm")).findFirst().orElseThrow();
        assertThat(size.p()[0]).isLessThan(0.05);
        Correlation.Matrix m = baseline.correlation(demo.id());
        assertThat(m.names()).contains("age", "tumour_size_mm", "vascularity").doesNotContain("quadrant");
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void aUsedSplitIsFrozen() {
        Cohort demo = demo();
        Split s = splits.create(demo.id(), DemoCohortService.TASK_LOW_VS_HIGH, SplitScheme.TRAIN_VALIDATION_TEST_6_2_2,
                1, List.of(), null);
        splits.rename(s.id(), "renamed while unused");
        assertThat(splits.find(s.id()).name()).isEqualTo("renamed while unused");
        String hash = splits.markUsed(s.id());
        assertThat(hash).isEqualTo(s.contentHash());
        assertThat(splits.find(s.id()).used()).isTrue();
        assertThatThrownBy(() -> splits.rename(s.id(), "x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> splits.delete(s.id())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> splits.requireEditable(s.id())).isInstanceOf(IllegalStateException.class);
        assertThat(splits.markUsed(s.id())).isEqualTo(hash);
        assertThat(splits.assignments(s.id())).hasSize(85);
        Split other = splits.create(demo.id(), DemoCohortService.TASK_LOW_VS_HIGH, SplitScheme.TRAIN_TEST_4_1, 1,
                List.of(), null);
        splits.delete(other.id());
        assertThatThrownBy(() -> splits.find(other.id())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void revisingACohortMakesANewVersion() {
        Cohort v1 = demo();
        Cohort v2 = cohorts.revise(v1.id(), "smaller tumours only",
                List.of(Rule.include("tumour_size_mm", Rule.Op.LE, "20")), v1.tasks());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.name()).isEqualTo(v1.name());
        assertThat(cohorts.cases(v2.id()).size()).isLessThan(cohorts.cases(v1.id()).size());
        assertThat(cohorts.cases(v1.id())).hasSize(300);
        assertThat(cohorts.versions(v1.name())).extracting(Cohort::version).containsExactly(1, 2);
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void importedSplitFromAFileKeepsItsParts() throws Exception {
        Cohort demo = demo();
        List<ClinicalCase> cases = cohorts.cases(demo.id());
        StringBuilder csv = new StringBuilder("case_id,part\n");
        for (int i = 0; i < cases.size(); i++) {
            csv.append(cases.get(i).caseKey()).append(',').append(i % 5 == 0 ? "test" : i % 5 == 1 ? "val" : "train")
                    .append('\n');
        }
        java.nio.file.Path file = Files.createTempFile("folds", ".csv");
        Files.writeString(file, csv);
        Split s = splits.importFromFile(demo.id(), DemoCohortService.TASK_N0_VS_NPLUS, file, null);
        assertThat(s.scheme()).isEqualTo(SplitScheme.IMPORTED);
        Map<Long, Part> parts = splits.assignments(s.id());
        assertThat(parts.get(cases.get(0).id())).isEqualTo(Part.TEST);
        assertThat(parts.get(cases.get(1).id())).isEqualTo(Part.VALIDATION);
        assertThat(parts.get(cases.get(2).id())).isEqualTo(Part.TRAIN);
        assertThat(parts.values().stream().filter(p -> p == Part.TEST).count()).isEqualTo(60);
        Files.writeString(file, "case_id,part\n" + cases.get(0).caseKey() + ",holdout\n");
        assertThatThrownBy(() -> splits.importFromFile(demo.id(), DemoCohortService.TASK_N0_VS_NPLUS, file, null))
                .hasMessageContaining("row 2 column part: 'holdout' is not train, validation or test");
    }

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void uploadedSplitFileAndEditedTasksMakeANewVersionWhileOldSplitsStay() {
        Cohort v1 = demo();
        List<ClinicalCase> cases = cohorts.cases(v1.id());
        StringBuilder csv = new StringBuilder("case_id,part\n");
        for (int i = 0; i < cases.size(); i++) {
            csv.append(cases.get(i).caseKey()).append(',').append(i % 4 == 0 ? "test" : "train").append('\n');
        }
        Split uploaded = splits.importFromUpload(v1.id(), DemoCohortService.TASK_N0_VS_NPLUS, "folds.csv",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(uploaded.name()).isEqualTo("imported from folds.csv");
        assertThat(splits.classBalance(uploaded.id())).containsOnlyKeys(Part.TRAIN, Part.TEST);
        splits.markUsed(uploaded.id());

        List<Task> tasks = new java.util.ArrayList<>(v1.tasks());
        tasks.add(new Task("N0 vs N+(>=3)", TaskKind.BINARY_SUBSET, "aln_status",
                Task.parseClasses("N0 = N0; N+(>=3) = N+(>=3)")));
        Cohort v2 = cohorts.revise(v1.id(), "adds a task", v1.rules(), tasks);
        assertThat(v2.task("N0 vs N+(>=3)").orElseThrow().classes()).extracting(LabelClass::values)
                .containsExactly(List.of("N0"), List.of("N+(>=3)"));
        long n0OrHigh = cohorts.labels(v1.id(), DemoCohortService.TASK_THREE_CLASS).values().stream()
                .filter(l -> l != 1).count();
        assertThat(cohorts.labels(v2.id(), "N0 vs N+(>=3)")).hasSize((int) n0OrHigh);
        // The old version, its split and that split's frozen state are untouched.
        assertThat(cohorts.find(v1.id()).orElseThrow().tasks()).isEqualTo(v1.tasks());
        assertThat(splits.list(v1.id())).extracting(Split::id).contains(uploaded.id());
        assertThat(splits.find(uploaded.id()).used()).isTrue();
        assertThat(splits.list(v2.id())).isEmpty();
    }

    @Test
    void taskClassesParseAndFormat() {
        List<LabelClass> parsed = Task.parseClasses("N0=N0; N+ = N+(1-2), N+(>=3) ;");
        assertThat(parsed).extracting(LabelClass::name).containsExactly("N0", "N+");
        assertThat(parsed.get(1).values()).containsExactly("N+(1-2)", "N+(>=3)");
        assertThat(Task.parseClasses("benign; malignant")).extracting(LabelClass::values)
                .containsExactly(List.of("benign"), List.of("malignant"));
        Task t = new Task("t", TaskKind.BINARY, "c", parsed);
        assertThat(Task.parseClasses(t.formatClasses())).isEqualTo(parsed);
    }

    @Test
    void supervisorCannotCreateSplits() {
        assertThatThrownBy(() -> splits.create(demo().id(), DemoCohortService.TASK_N0_VS_NPLUS,
                SplitScheme.TRAIN_TEST_4_1, 1, List.of(), null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void freshStartHasTheDemoCohortWithThreeTasks() {
        Cohort demo = cohorts.versions(DemoCohortService.COHORT_NAME).get(0);
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
        // The drawn variables follow the generator's per-class distributions (not collapsed by seeding).
        var all = DemoCohortGenerator.generate(300, 32, 20230701);
        double[] sizeMean = new double[3];
        double[] ageMean = new double[3];
        int[] n = new int[3];
        java.util.Set<String> ages = new java.util.HashSet<>();
        for (var c : all) {
            sizeMean[c.labelIndex()] += Double.parseDouble(c.values().get("tumour_size_mm"));
            ageMean[c.labelIndex()] += Double.parseDouble(c.values().get("age"));
            ages.add(c.values().get("age"));
            n[c.labelIndex()]++;
        }
        for (int k = 0; k < 3; k++) {
            sizeMean[k] /= n[k];
            ageMean[k] /= n[k];
        }
        assertThat(ageMean[0]).isBetween(47.0, 52.0);
        assertThat(sizeMean[0]).isBetween(16.5, 20.5);
        assertThat(sizeMean[0]).isLessThan(sizeMean[1]).isLessThan(sizeMean[2]);
        assertThat(ages.size()).isGreaterThan(30);
    }
}
