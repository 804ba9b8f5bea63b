package nodus.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import nodus.experiment.RunKind;
import org.junit.jupiter.api.Test;

/** The spec format: the shipped files parse; each class of error is refused naming its line and field. */
class StudySpecParserTest {

    private static final String VALID = """
            name: small
            cohort:
              name: Demo ALN cohort
              version: 1
            split:
              rule: "6:2:2"
              seed: 7
            tasks:
              - N0 vs N+(≥1)
            variants:
              finetune:
                defaults: {epochs: 1, inputSize: 32}
                backbones:
                  resnet50: {}
                  inception_v3: {inputSize: 75}
              radiomics: {binWidth: 25}
              clinical: {screeningP: 0.1}
              combined: {backbone: resnet50, pca: 8, model: svm}
            """;

    private static StudySpec parse(String yaml) {
        return new StudySpecParser("test.yaml", null).parse(yaml);
    }

    private static StudySpecException error(String yaml) {
        try {
            parse(yaml);
        } catch (StudySpecException e) {
            return e;
        }
        throw new AssertionError("the spec was accepted:\n" + yaml);
    }

    @Test
    void shippedSpecsParse() {
        for (String f : List.of("wei-2023-aln.yaml", "wei-2023-aln-demo.yaml", "breast-lesions-usg.yaml")) {
            StudySpec s = StudySpecParser.read(Path.of("experiments", f));
            assertThat(s.finetune()).extracting(StudySpec.Finetune::backbone)
                    .containsExactly("resnet50", "resnet101", "wide_resnet50_2", "vgg19", "inception_v3");
            assertThat(s.radiomics().paramsFile()).endsWith(".yaml");
            assertThat(s.combined().backbone()).isEqualTo("resnet50");
        }
        StudySpec demo = StudySpecParser.read(Path.of("experiments/wei-2023-aln-demo.yaml"));
        assertThat(demo.tasks()).hasSize(3);
        assertThat(demo.tasks().get(2).variants()).containsExactly(StudySpec.Variant.FINETUNE);
        assertThat(demo.backbone("inception_v3").orElseThrow().inputSize()).isEqualTo(75);
        assertThat(demo.backbone("vgg19").orElseThrow().epochs()).isEqualTo(1);
    }

    @Test
    void theLaunchersYamlReadsBackAsTheSameStudy() {
        for (String f : List.of("wei-2023-aln.yaml", "wei-2023-aln-demo.yaml", "breast-lesions-usg.yaml")) {
            StudySpec s = StudySpecParser.read(Path.of("experiments", f));
            StudySpec back = parse(StudyYaml.write(s));
            java.util.Map<String, String> splits = new java.util.HashMap<>();
            s.tasks().forEach(t -> splits.put(t.name(), "h"));
            assertThat(StudyPlanner.plan(back, "c v1", splits)).isEqualTo(StudyPlanner.plan(s, "c v1", splits));
            assertThat(back.split()).isEqualTo(s.split());
            assertThat(back.statistics()).isEqualTo(s.statistics());
        }
    }

    @Test
    void planHasDependencies() {
        StudySpec s = parse(VALID);
        List<PlannedRun> plan = StudyPlanner.plan(s, "Demo ALN cohort v1", java.util.Map.of("N0 vs N+(≥1)", "h"));
        assertThat(plan).extracting(PlannedRun::kind).containsExactly(RunKind.FINETUNE, RunKind.FINETUNE,
                RunKind.RADIOMICS, RunKind.CLINICAL, RunKind.COMBINED);
        PlannedRun combined = plan.get(4);
        assertThat(combined.dependsOn()).containsExactly("N0 vs N+(≥1)|radiomics", "N0 vs N+(≥1)|clinical",
                "N0 vs N+(≥1)|resnet50");
        assertThat(StudyPlanner.withDeepFeatureRun(combined.specJson(), 17)).contains("\"deepFeatureRunId\":17");
        assertThat(plan.get(0).specJson()).contains("\"imageSize\":32").contains("\"epochs\":1");
        assertThat(plan.get(1).specJson()).contains("\"imageSize\":75");
    }

    @Test
    void unknownBackboneNamesLineAndField() {
        StudySpecException e = error(VALID.replace("  resnet50: {}", "  alexnet: {}"));
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.field()).isEqualTo("variants.finetune.backbones.alexnet");
        assertThat(e.getMessage()).startsWith("test.yaml line 14, field variants.finetune.backbones.alexnet:")
                .contains("unknown backbone 'alexnet'");
    }

    @Test
    void splitRatiosMustSumToOne() {
        StudySpecException e = error(VALID.replace("rule: \"6:2:2\"", "ratios: [0.6, 0.2, 0.3]"));
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("split.ratios");
        assertThat(e.problem()).contains("sum to 1").contains("1.1");

        StudySpecException rule = error(VALID.replace("rule: \"6:2:2\"", "rule: \"7:2:2\""));
        assertThat(rule.line()).isEqualTo(6);
        assertThat(rule.field()).isEqualTo("split.rule");
        assertThat(rule.problem()).contains("6:2:2").contains("4:1");
    }

    @Test
    void missingCohortIsRefused() {
        StudySpecException e = error(VALID.replace("cohort:\n  name: Demo ALN cohort\n  version: 1\n", ""));
        assertThat(e.field()).isEqualTo("cohort");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.problem()).contains("'cohort' is required");

        StudySpecException noName = error(VALID.replace("  name: Demo ALN cohort\n", ""));
        assertThat(noName.field()).isEqualTo("cohort.name");
        assertThat(noName.line()).isEqualTo(3);
    }

    @Test
    void typoInAKeyIsAnErrorNotADefault() {
        StudySpecException e = error(VALID.replace("defaults: {epochs: 1,", "defaults: {epocs: 1,"));
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.field()).isEqualTo("variants.finetune.defaults.epocs");
        assertThat(e.problem()).contains("unknown key 'epocs'").contains("did you mean 'epochs'");

        StudySpecException top = error(VALID.replace("tasks:", "taks:"));
        assertThat(top.line()).isEqualTo(8);
        assertThat(top.field()).isEqualTo("taks");
    }

    @Test
    void otherMistakesNameTheirField() {
        assertThat(error(VALID.replace("inception_v3: {inputSize: 75}", "inception_v3: {inputSize: 64}")))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("variants.finetune.backbones.inception_v3");
                    assertThat(e.line()).isEqualTo(15);
                    assertThat(e.problem()).contains("imageSize");
                });
        assertThat(error(VALID.replace("backbone: resnet50, pca", "backbone: vgg19, pca")).field())
                .isEqualTo("variants.combined.backbone");
        assertThat(error(VALID.replace("seed: 7", "seed: seven")).field()).isEqualTo("split.seed");
        assertThat(error(VALID.replace("screeningP: 0.1", "screeningP: 1.5")).field())
                .isEqualTo("variants.clinical.screeningP");
        assertThat(error(VALID + "statistics: {ci: bootstrap}\n").field()).isEqualTo("statistics.ci");
        assertThat(error(VALID.replace("  version: 1\n", "  version: 1\n  version: 2\n")).problem())
                .contains("duplicate");
        assertThat(error("name: [unclosed\n").problem()).contains("not valid YAML");
    }
}
