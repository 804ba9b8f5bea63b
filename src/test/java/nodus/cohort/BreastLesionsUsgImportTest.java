package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nodus.cli.NodusCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code nodus import --preset breast-lesions-usg ../shared/datasets/breast-lesions-usg} imports the public dataset
 * (256 cases, 252 tumour masks) with its leaking columns excluded from predictors. Skips when the dataset is absent.
 */
class BreastLesionsUsgImportTest {

    static final Path DATASET = Path.of(System.getenv().getOrDefault("NODUS_BREAST_LESIONS_USG",
            "/work/shared/datasets/breast-lesions-usg"));

    @Test
    void importsThePublicDatasetThroughTheCommand() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(DATASET.resolve("clinical.csv")),
                "skipped: BrEaST-Lesions-USG not found at " + DATASET + " (set NODUS_BREAST_LESIONS_USG)");
        Path home = Files.createTempDirectory("nodus-breast-home");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = NodusCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "import", "--preset",
                "breast-lesions-usg", DATASET.toString(), "--data-home", home.toString());
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("imported 256 cases (252 masks)");
        // Written into the given data home (database and copied files).
        if (!nodus.support.TestDatabase.postgres()) { // the embedded default keeps an H2 file in the data home
            assertThat(home.resolve("db")).isDirectory();
        }
        try (var files = Files.list(home.resolve("datasets/1/images"))) {
            assertThat(files.count()).isEqualTo(256 + 252);
        }

        try (ConfigurableApplicationContext ctx = nodus.cli.HeadlessSpring.start(home.toString(),
                Map.of("nodus.demo.enabled", "false"))) {
            SystemUser.asResearcher(() -> {
                CohortService cohorts = ctx.getBean(CohortService.class);
                Cohort cohort = cohorts.list().get(0);
                Dataset dataset = cohorts.dataset(cohort.datasetId());
                List<ClinicalCase> cases = cohorts.datasetCases(dataset.id());
                assertThat(cases).hasSize(256);
                assertThat(cases.stream().filter(c -> c.images().get(0).hasMask())).hasSize(252);
                for (String leak : BreastLesionsUsgPreset.LEAKING) {
                    assertThat(dataset.variable(leak).orElseThrow().role()).isEqualTo(VariableRole.EXCLUDED);
                }
                assertThat(dataset.predictors()).extracting(Variable::name).contains("Age", "Shape", "Margin")
                        .doesNotContainAnyElementsOf(BreastLesionsUsgPreset.LEAKING).doesNotContain("Classification");
                assertThat(dataset.variable("Age").orElseThrow().kind()).isEqualTo(VariableKind.NUMERIC);
                Map<Long, Integer> labels = cohorts.labels(cohort.id(), BreastLesionsUsgPreset.TASK);
                assertThat(labels).hasSize(252); // 154 benign + 98 malignant; the 4 normal cases are not in the task
                assertThat(labels.values().stream().filter(l -> l == 1).count()).isEqualTo(98);
                // Pixel size is in cm in the table; stored in mm.
                assertThat(cases.get(0).images().get(0).spacingX()).isBetween(0.01, 1.0);
                return null;
            });
        }
    }
}
