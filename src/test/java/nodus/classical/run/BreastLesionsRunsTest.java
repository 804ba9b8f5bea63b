package nodus.classical.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nodus.base.security.Role;
import nodus.cohort.BreastLesionsUsgPreset;
import nodus.cohort.Cohort;
import nodus.cohort.PresetImportService;
import nodus.cohort.Split;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import nodus.experiment.ExperimentService;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real-data check, through the same path as the app: `nodus import --preset breast-lesions-usg` (the cohort
 * preset: {@link PresetImportService}, predictors as the preset's type detection finds them, the leaking
 * Interpretation/BIRADS/Verification/Diagnosis excluded), a seeded (42) stratified 6:2:2 split of the preset's task
 * malignant vs benign ({@link SplitService}, the 4 normal cases are not in the task), then radiomics (original
 * image, pyradiomics defaults, binWidth 25, whole-image 0.5–99.5 % clipping), clinical and combined (clinical +
 * signature, no deep features) runs loaded by the cohort-backed {@code StudyDataSource} with the default spec
 * (10 folds, seed 42). Skipped when ../shared/datasets/breast-lesions-usg is absent. Writes the per-part AUCs with
 * DeLong 95 % CIs to target/classical-runs.md, and to docs/benchmarks/classical-runs.md with
 * {@code -Dnodus.writeBenchmarks=true}.
 */
@SpringBootTest
class BreastLesionsRunsTest {

    static final Path HOME = Path.of(System.getProperty("nodus.shared", "../shared"), "datasets",
            "breast-lesions-usg");
    static final String SPLIT = "seed-42";

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @Autowired
    PresetImportService presets;
    @Autowired
    SplitService splits;
    @Autowired
    ClassicalStudy study;
    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;

    @Test
    @WithMockUser(username = "rita", roles = Role.RESEARCHER_NAME)
    void radiomicsClinicalAndCombinedOnBreastLesions() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(HOME.resolve("clinical.csv")),
                "BrEaST-Lesions-USG not found at " + HOME.toAbsolutePath()
                        + " (set -Dnodus.shared=<dir> to the shared folder); real-data check skipped");
        long t0Import = System.nanoTime();
        Cohort cohort = presets.importPreset(BreastLesionsUsgPreset.NAME, HOME, null);
        Split split = splits.create(cohort.id(), BreastLesionsUsgPreset.TASK,
                SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 42, List.of(), SPLIT);
        double importSeconds = (System.nanoTime() - t0Import) / 1e9;
        long exp = experiments.create("breast-lesions classical", null).id();
        List<Run> launched = study.launchAll(exp, cohort.ref(), BreastLesionsUsgPreset.TASK, split.name(), 42);
        List<String> lines = new ArrayList<>();
        lines.add("| model | train AUC (95 % CI) | validation AUC (95 % CI) | test AUC (95 % CI) | test sens / spec "
                + "at the TRAIN Youden threshold | run time |");
        lines.add("|---|---|---|---|---|---|");
        ObjectMapper json = new ObjectMapper();
        String choice = "";
        String signature = "";
        for (Run r : launched) {
            long t0 = System.nanoTime();
            Run done = study.executeNow(r.id());
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(done.status()).as(r.kind() + ": " + done.statusMessage()).isEqualTo(RunStatus.FINISHED);
            assertThat(runs.predictions(r.id())).hasSize(252);
            Map<String, Double> m = runs.metrics(r.id()).stream()
                    .collect(Collectors.toMap(MetricPoint::key, MetricPoint::value));
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3f / %.3f | %.0f s |",
                    r.kind().name().toLowerCase(Locale.ROOT), auc(m, "train"), auc(m, "val"), auc(m, "test"),
                    m.get("test_sensitivity"), m.get("test_specificity"), seconds));
            JsonNode prov = json.readTree(runs.provenance(r.id()).orElseThrow()).get("model");
            if (prov.has("choice")) {
                choice = prov.get("choice").get("reason").asText();
            }
            if (prov.has("signature")) {
                signature = prov.get("signature").get("equationRounded").asText() + " ("
                        + prov.get("extraction").get("features").asText() + " features extracted)";
            }
            // far better than chance on held-out cases: malignancy is visible in the lesion and its descriptors
            assertThat(m.get("test_auc")).as(r.kind() + " test AUC").isGreaterThan(0.7);
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Cohort %s, split `%s` (content hash %s); preset import and split "
                + "took %.0f s.", cohort.ref(), split.name(), split.contentHash(), importSeconds));
        lines.add("");
        lines.add("Radiomics signature: `" + signature + "`.");
        lines.add("");
        lines.add("Combined model choice: " + choice);
        String text = String.join("\n", lines) + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "classical-runs.md"), text, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("nodus.writeBenchmarks")) {
            Path doc = Path.of("docs", "benchmarks", "classical-runs.md");
            String head = Files.exists(doc) ? Files.readString(doc).split("<!-- results -->")[0] : "";
            Files.writeString(doc, head + "<!-- results -->\n" + text, StandardCharsets.UTF_8);
        }
    }

    private static String auc(Map<String, Double> m, String p) {
        return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", m.get(p + "_auc"), m.get(p + "_auc_ci_low"),
                m.get(p + "_auc_ci_high"));
    }
}
