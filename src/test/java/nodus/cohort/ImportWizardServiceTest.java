package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nodus.base.security.Role;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the import wizard does, without a browser: the draft guessed from the preview, edited, turned into a mapping,
 * saved and reused on another table; the import with its first cohort; who may import.
 */
@SpringBootTest(properties = "nodus.demo.enabled=false")
@WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
class ImportWizardServiceTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @Autowired
    ImportService imports;
    @Autowired
    CohortService cohorts;

    private static ImportDraft draft(TestFolder folder, ImportService imports) {
        ImportService.Preview p = imports.preview(folder.root.resolve("clinical.csv"), 3);
        return ImportDraft.guess("clinical.csv", "img/{id}.png", "img/{id}_mask.png", true, 0.1, p.columns());
    }

    private static ImportDraft edited(ImportDraft d) {
        // aln: outcome with N0 first (detection sorts "N+" before "N0"); grade: ordinal I < II < III; age: numeric
        // (only 5 distinct whole numbers here, which detection offers as codes).
        for (int i = 0; i < d.columns().size(); i++) {
            ImportDraft.ColumnChoice c = d.columns().get(i);
            if (c.column().equals("aln")) {
                d = d.withColumn(i, c.withUse(ImportDraft.Use.OUTCOME).withCategories(List.of("N0", "N+")));
            } else if (c.column().equals("age")) {
                d = d.withColumn(i, c.withKind(VariableKind.NUMERIC, List.of()));
            } else if (c.column().equals("grade")) {
                d = d.withColumn(i, c.withKind(VariableKind.ORDINAL, c.categories()));
            }
        }
        return d;
    }

    @Test
    void guessFromPreviewFindsIdColumnsAndTypes() {
        TestFolder folder = new TestFolder();
        ImportService.Preview p = imports.preview(folder.root.resolve("clinical.csv"), 3);
        assertThat(p.rows()).hasSize(3);
        ImportDraft d = draft(folder, imports);
        assertThat(d.columns()).extracting(ImportDraft.ColumnChoice::column, ImportDraft.ColumnChoice::use)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("case_id", ImportDraft.Use.CASE_ID),
                        org.assertj.core.groups.Tuple.tuple("patient_id", ImportDraft.Use.PATIENT_ID),
                        org.assertj.core.groups.Tuple.tuple("age", ImportDraft.Use.PREDICTOR),
                        org.assertj.core.groups.Tuple.tuple("size_mm", ImportDraft.Use.PREDICTOR),
                        org.assertj.core.groups.Tuple.tuple("grade", ImportDraft.Use.PREDICTOR),
                        org.assertj.core.groups.Tuple.tuple("er", ImportDraft.Use.PREDICTOR),
                        org.assertj.core.groups.Tuple.tuple("aln", ImportDraft.Use.PREDICTOR));
        ImportMapping m = edited(d).toMapping();
        assertThat(m.caseIdColumn()).isEqualTo("case_id");
        assertThat(m.patientIdColumn()).isEqualTo("patient_id");
        assertThat(m.variables()).extracting(Variable::name, Variable::kind, Variable::role).contains(
                org.assertj.core.groups.Tuple.tuple("age", VariableKind.NUMERIC, VariableRole.PREDICTOR),
                org.assertj.core.groups.Tuple.tuple("grade", VariableKind.ORDINAL, VariableRole.PREDICTOR),
                org.assertj.core.groups.Tuple.tuple("aln", VariableKind.CATEGORICAL, VariableRole.OUTCOME));
        assertThat(m.variables().stream().filter(v -> v.name().equals("aln")).findFirst().orElseThrow().categories())
                .containsExactly("N0", "N+");
    }

    @Test
    void draftRefusesMappingsWithoutOneCaseIdOrWithoutCategories() {
        ImportDraft d = ImportDraft.guess("t.csv", "{id}.png", "", false, 1, List.of(
                new ColumnGuess("x", VariableKind.NUMERIC, List.of(), 0, List.of("1"))));
        assertThatThrownBy(d::toMapping).hasMessageContaining("case id");
        ImportDraft two = d.withColumn(0, d.columns().get(0).withUse(ImportDraft.Use.CASE_ID));
        assertThat(two.toMapping().maskPattern()).isNull();
        ImportDraft noCategories = ImportDraft.guess("t.csv", "{id}.png", "", false, 1, List.of(
                new ColumnGuess("id", VariableKind.CATEGORICAL, List.of("a"), 0, List.of("a")),
                new ColumnGuess("c", VariableKind.CATEGORICAL, List.of("u", "v"), 0, List.of("u"))));
        ImportDraft cleared = noCategories.withColumn(1, noCategories.columns().get(1).withCategories(List.of()));
        assertThatThrownBy(cleared::toMapping).hasMessageContaining("column c");
        assertThat(ImportDraft.parseCategories(" low, mid ,, high, mid")).containsExactly("low", "mid", "high");
    }

    @Test
    void savedMappingIsReusedOnAnotherTableAndImportMakesCohortWithTask() throws Exception {
        TestFolder folder = new TestFolder();
        imports.saveMapping("wizard layout", edited(draft(folder, imports)).toMapping());

        // A second folder with the same layout plus an extra column: the saved mapping ignores what it does not know.
        TestFolder other = new TestFolder();
        String csv = Files.readString(other.root.resolve("clinical.csv"));
        StringBuilder extra = new StringBuilder();
        String[] lines = csv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            extra.append(lines[i]).append(i == 0 ? ",comment" : ",note " + i).append('\n');
        }
        Files.writeString(other.root.resolve("clinical.csv"), extra, StandardCharsets.UTF_8);
        ImportDraft fresh = draft(other, imports);
        ImportDraft reused = fresh.reuse(imports.mapping("wizard layout").orElseThrow());
        assertThat(reused.columns().get(reused.columns().size() - 1).use()).isEqualTo(ImportDraft.Use.IGNORE);
        ImportMapping m = reused.toMapping();
        assertThat(m.variables()).extracting(Variable::name).containsExactly("age", "size_mm", "grade", "er", "aln");

        Cohort cohort = imports.importWithCohort(new ImportRequest(other.root, "wizard import", "test", m));
        assertThat(cohort.ref()).isEqualTo("wizard import v1");
        assertThat(cohort.tasks()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("aln: N0 vs N+");
            assertThat(t.kind()).isEqualTo(TaskKind.BINARY);
        });
        assertThat(cohorts.labels(cohort.id(), "aln: N0 vs N+").values()).containsExactly(0, 1, 0, 0, 1, 1);
    }

    @Test
    void importWithoutOutcomeIsRefusedBeforeAnythingIsWritten() {
        TestFolder folder = new TestFolder();
        ImportMapping m = draft(folder, imports).toMapping(); // aln left as a predictor
        int before = cohorts.datasets().size();
        assertThatThrownBy(() -> imports.importWithCohort(new ImportRequest(folder.root, "no outcome", "test", m)))
                .isInstanceOf(ImportValidationException.class).hasMessageContaining("outcome");
        assertThat(cohorts.datasets()).hasSize(before);
    }

    @Test
    void uploadedTableIsStagedInTheDataHome() {
        Path staged = imports.stageUpload("../../evil/clinical.csv", "case_id\nC1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(staged.getFileName().toString()).isEqualTo("clinical.csv");
        assertThat(staged.toString()).contains("uploads");
        assertThatThrownBy(() -> imports.stageUpload("x.exe", new byte[1])).hasMessageContaining(".csv or .xlsx");
    }

    @Test
    @WithMockUser(username = "ada", roles = Role.ADMIN_NAME)
    void adminMayImport() {
        TestFolder folder = new TestFolder();
        Cohort cohort = imports.importWithCohort(new ImportRequest(folder.root, "admin import", "test",
                edited(draft(folder, imports)).toMapping()));
        assertThat(cohort.createdBy()).isEqualTo("ada");
    }

    @Test
    @WithMockUser(username = "sam", roles = Role.SUPERVISOR_NAME)
    void supervisorMayNotImportOrStage() {
        TestFolder folder = new TestFolder();
        ImportRequest request = new ImportRequest(folder.root, "sup", "test", folder.mapping("clinical.csv"));
        assertThatThrownBy(() -> imports.importWithCohort(request)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.stageUpload("t.csv", new byte[1])).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.preview(folder.root.resolve("clinical.csv"), 3))
                .isInstanceOf(AccessDeniedException.class);
    }
}
