package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nodus.base.config.DataHome;
import nodus.base.security.Role;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Import of a small folder made here (CSV and XLSX), and one test per validation error, all-or-nothing. */
@SpringBootTest(properties = "nodus.demo.enabled=false")
@WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
class DatasetImportTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @Autowired
    ImportService imports;
    @Autowired
    CohortService cohorts;
    @Autowired
    DatasetRepository repository;
    @Autowired
    DataHome dataHome;

    TestFolder folder;

    @BeforeEach
    void newFolder() {
        folder = new TestFolder();
    }

    @Test
    void importsCsvWithTypesCountsAndLabels() {
        Dataset dataset = imports.importDataset(folder.request("small csv"));
        assertThat(dataset.createdBy()).isEqualTo("rita");
        assertThat(dataset.provenance()).contains("clinical.csv", "SHA-256", "6 cases, 6 masks");
        assertThat(dataset.variables()).extracting(Variable::name, Variable::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("age", VariableKind.NUMERIC),
                org.assertj.core.groups.Tuple.tuple("size_mm", VariableKind.NUMERIC),
                org.assertj.core.groups.Tuple.tuple("grade", VariableKind.ORDINAL),
                org.assertj.core.groups.Tuple.tuple("er", VariableKind.CATEGORICAL),
                org.assertj.core.groups.Tuple.tuple("aln", VariableKind.CATEGORICAL));
        assertThat(dataset.variable("grade").orElseThrow().categories()).containsExactly("I", "II", "III");
        List<ClinicalCase> cases = cohorts.datasetCases(dataset.id());
        assertThat(cases).hasSize(6);
        assertThat(cases).extracting(ClinicalCase::patientKey).containsExactly("P1", "P2", "P3", "P3", "P4", "P4");
        assertThat(cases.get(4).value("age")).isNull(); // "not available" is missing
        assertThat(cases.get(0).number("size_mm")).isEqualTo(12.5);
        CaseImage image = cases.get(0).images().get(0);
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
        assertThat(image.spacingX()).isEqualTo(0.1);
        assertThat(image.maskPixels()).isEqualTo(80);
        assertThat(Files.isRegularFile(cohorts.file(dataset.id(), image.imagePath()))).isTrue();
        assertThat(Files.isRegularFile(cohorts.file(dataset.id(), image.maskPath()))).isTrue();

        Cohort cohort = cohorts.create(dataset.id(), "small", null, List.of(Rule.include("size_mm", Rule.Op.LE, "40")),
                List.of(new Task("N0 vs N+", TaskKind.BINARY, "aln", List.of(new LabelClass("N0", List.of("N0")),
                        new LabelClass("N+", List.of("N+"))))));
        Map<Long, Integer> labels = cohorts.labels(cohort.id(), "N0 vs N+");
        assertThat(labels).hasSize(5); // C6 (41 mm) is excluded by the rule
        assertThat(labels.values()).containsExactly(0, 1, 0, 0, 1);
    }

    @Test
    void importsXlsxTheSameAsCsv() {
        folder.writeXlsx();
        Dataset csv = imports.importDataset(folder.request("same csv"));
        Dataset xlsx = imports.importDataset(new ImportRequest(folder.root, "same xlsx", "test",
                folder.mapping("clinical.xlsx")));
        List<ClinicalCase> a = cohorts.datasetCases(csv.id());
        List<ClinicalCase> b = cohorts.datasetCases(xlsx.id());
        assertThat(b).hasSize(6);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).caseKey()).isEqualTo(a.get(i).caseKey());
            for (String v : List.of("age", "size_mm")) {
                assertThat(b.get(i).number(v)).isEqualTo(a.get(i).number(v));
            }
            for (String v : List.of("grade", "er", "aln")) {
                assertThat(b.get(i).value(v)).isEqualTo(a.get(i).value(v));
            }
        }
    }

    @Test
    void previewDetectsTypesAndSavedMappingIsReused() {
        folder.writeXlsx();
        ImportService.Preview preview = imports.preview(folder.root.resolve("clinical.xlsx"), 3);
        assertThat(preview.rows()).hasSize(3);
        Map<String, ColumnGuess> byName = new java.util.HashMap<>();
        preview.columns().forEach(g -> byName.put(g.column(), g));
        assertThat(byName.get("size_mm").kind()).isEqualTo(VariableKind.NUMERIC);
        assertThat(byName.get("age").missing()).isEqualTo(1);
        assertThat(byName.get("grade").kind()).isEqualTo(VariableKind.CATEGORICAL);
        assertThat(byName.get("grade").categories()).containsExactly("I", "II", "III");
        assertThat(byName.get("er").categories()).containsExactly("negative", "positive");

        imports.saveMapping("small layout", folder.mapping("clinical.csv"));
        ImportMapping saved = imports.mapping("small layout").orElseThrow();
        assertThat(saved).isEqualTo(folder.mapping("clinical.csv"));
        assertThat(imports.importDataset(new ImportRequest(folder.root, "via saved", "t", saved)).name())
                .isEqualTo("via saved");
    }

    @Test
    @WithMockUser(username = "sue", roles = Role.SUPERVISOR_NAME)
    void supervisorCannotImport() {
        assertThatThrownBy(() -> imports.importDataset(folder.request("by supervisor")))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- one test per validation error: message names file/row/column, and nothing changed ---

    @Test
    void missingImage() {
        folder.delete("C3.png");
        assertRefused("img/C3.png", 4, "image pattern {id}.png", "image file is missing");
    }

    @Test
    void unreadableImage() {
        folder.garbage("C2.png");
        assertRefused("img/C2.png", 3, "image pattern {id}.png", "image cannot be read");
    }

    @Test
    void maskSizeDiffers() {
        folder.mask("C5_mask.png", 41, 30, true);
        assertRefused("img/C5_mask.png", 6, "mask pattern {id}_mask.png", "mask size 41×30 px differs from its image 40×30 px");
    }

    @Test
    void emptyMask() {
        folder.mask("C1_mask.png", 40, 30, false);
        assertRefused("img/C1_mask.png", 2, "mask pattern {id}_mask.png", "mask is empty");
    }

    @Test
    void duplicatedCaseId() {
        folder.set(3, "case_id", "C3");
        assertRefused("clinical.csv", 5, "case_id", "duplicated case id 'C3' (first in row 4)");
    }

    @Test
    void nonNumericValueInNumericColumn() {
        folder.set(1, "size_mm", "large");
        assertRefused("clinical.csv", 3, "size_mm", "'large' is not a number");
    }

    @Test
    void unknownCategory() {
        folder.set(5, "grade", "IV");
        assertRefused("clinical.csv", 7, "grade", "unknown category 'IV' (allowed: I, II, III)");
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() {
        folder.set(0, "age", "old");
        folder.set(2, "er", "maybe");
        folder.delete("C6.png");
        ImportValidationException e = refuse();
        assertThat(e.problems()).extracting(ImportProblem::toString).containsExactlyInAnyOrder(
                "clinical.csv row 2 column age: 'old' is not a number",
                "clinical.csv row 4 column er: unknown category 'maybe' (allowed: negative, positive)",
                "img/C6.png row 7 column image pattern {id}.png: image file is missing");
        assertThat(e.getMessage()).contains("3 problem(s), nothing imported");
    }

    private void assertRefused(String file, int row, String column, String message) {
        ImportValidationException e = refuse();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.row()).isEqualTo(row);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.message()).contains(message);
        });
        assertThat(e.getMessage()).contains(file + " row " + row + " column " + column);
    }

    /** Runs the import expecting refusal, and checks the database and the data home are exactly as before. */
    private ImportValidationException refuse() {
        Map<String, Long> before = counts();
        List<Path> filesBefore = files();
        ImportValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ImportValidationException.class,
                () -> imports.importDataset(folder.request("refused " + System.nanoTime())));
        assertThat(counts()).isEqualTo(before);
        assertThat(files()).isEqualTo(filesBefore);
        return e;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String t : List.of("dataset", "clinical_case", "case_image", "cohort", "cohort_split", "split_assignment",
                "import_mapping")) {
            counts.put(t, repository.countAll(t));
        }
        return counts;
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(dataHome.dir("datasets"))) {
            return walk.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
