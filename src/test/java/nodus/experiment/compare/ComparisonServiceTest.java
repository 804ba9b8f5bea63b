package nodus.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nodus.base.security.Role;
import nodus.experiment.CasePrediction;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.SplitPart;
import nodus.support.FreshDataHome;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The comparison's numbers are those of {@code nodus evaluate} (the CLI's own code path, run in-process) on the
 * same predictions exported to CSV: metrics at the training threshold, DeLong CIs, paired DeLong p, NRI, IDI.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonServiceTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    ComparisonService comparisons;
    @Autowired
    nodus.cohort.CohortService cohorts;
    @Autowired
    nodus.cohort.SplitService splits;
    @Autowired
    nodus.cohort.BaselineService baseline;

    private List<Run> paper;
    private Run otherSplit;
    private ComparisonResult result;

    @BeforeAll
    void data() {
        paper = CompareFixture.create(experiments, runs, "service comparison", 11, CompareFixture.PAPER_MODELS);
        otherSplit = CompareFixture.createRuns(runs, paper.get(0).experimentId(), 99, List.of(
                new CompareFixture.Model("Other split", RunKind.RADIOMICS, 1.5, 1, CompareFixture.OTHER_SPLIT,
                        false))).get(0);
        List<Long> ids = new ArrayList<>(paper.stream().map(Run::id).toList());
        ids.add(otherSplit.id());
        result = CompareFixture.as("sam", Role.SUPERVISOR,
                () -> comparisons.compute(ComparisonSpec.of(paper.get(0).experimentId(), ids)));
    }

    @Test
    void tableHasOneRowPerRunAndPartAndEqualsNodusEvaluate(@TempDir Path dir) throws Exception {
        assertThat(result.rows()).hasSize(5 * 3);
        assertThat(ComparisonTable.lines(result)).hasSize(15);
        for (Run run : paper) {
            Path train = CompareFixture.exportPart(runs, dir, run, SplitPart.TRAIN);
            for (SplitPart part : SplitPart.values()) {
                JsonNode cli = CompareFixture.evaluateCli("--predictions", CompareFixture.exportPart(runs, dir, run, part).toString(), "--threshold-from",
                        train.toString());
                ComparisonResult.Row row = result.rows(part).stream().filter(r -> r.run().id() == run.id())
                        .findFirst().orElseThrow();
                assertThat(row.n()).isEqualTo(cli.get("n").asInt());
                assertThat(row.auc().auc()).isCloseTo(cli.get("auc").asDouble(), within(1e-12));
                assertThat(row.auc().ciLow()).isCloseTo(cli.get("auc_ci95").get(0).asDouble(), within(1e-12));
                assertThat(row.auc().ciHigh()).isCloseTo(cli.get("auc_ci95").get(1).asDouble(), within(1e-12));
                JsonNode at = cli.get("at_threshold");
                assertThat(row.threshold()).isCloseTo(at.get("threshold").asDouble(), within(1e-12));
                assertThat(row.accuracy().estimate()).isCloseTo(at.get("accuracy").asDouble(), within(1e-12));
                assertThat(row.sensitivity().estimate()).isCloseTo(at.get("sensitivity").asDouble(), within(1e-12));
                assertThat(row.specificity().estimate()).isCloseTo(at.get("specificity").asDouble(), within(1e-12));
                assertThat(row.ppv().estimate()).isCloseTo(at.get("ppv").asDouble(), within(1e-12));
                assertThat(row.npv().estimate()).isCloseTo(at.get("npv").asDouble(), within(1e-12));
            }
        }
        // Realistic numbers: the combined model discriminates best on test, as in the paper.
        ComparisonResult.Row combinedTest = result.rows(SplitPart.TEST).stream()
                .filter(r -> r.run().name().equals("Combined")).findFirst().orElseThrow();
        assertThat(combinedTest.auc().auc()).isBetween(0.75, 0.99);
    }

    @Test
    void delongMatrixAndReclassificationEqualNodusEvaluateCompare(@TempDir Path dir) throws Exception {
        Run a = paper.get(2);
        Run b = paper.get(0);
        for (SplitPart part : SplitPart.values()) {
            JsonNode cli = CompareFixture.evaluateCli("--predictions", CompareFixture.exportPart(runs, dir, a, part).toString(), "--compare",
                    CompareFixture.exportPart(runs, dir, b, part).toString());
            var test = result.pair(part, b.id(), a.id()).orElseThrow();
            // The matrix stores B − A for the pair in run order; p is symmetric.
            assertThat(test.refused()).isFalse();
            assertThat(test.test().p()).isCloseTo(cli.get("delong_test").get("p").asDouble(), within(1e-12));
            var re = result.reclassification().stream().filter(r -> r.part() == part && r.run().id() == a.id())
                    .findFirst().orElseThrow();
            assertThat(re.baseline().id()).isEqualTo(b.id());
            assertThat(re.nri().estimate()).isCloseTo(cli.get("nri_continuous").get("estimate").asDouble(),
                    within(1e-12));
            assertThat(re.idi().estimate()).isCloseTo(cli.get("idi").get("estimate").asDouble(), within(1e-12));
        }
        // Runs on another split are never paired, even though the case ids coincide.
        for (SplitPart part : SplitPart.values()) {
            var refused = result.pair(part, paper.get(0).id(), otherSplit.id()).orElseThrow();
            assertThat(refused.refused()).isTrue();
            assertThat(refused.refusal()).contains("different splits");
            assertThat(ComparisonTable.delongMatrix(result, part).get(1)).last().isEqualTo("n/a");
        }
        assertThat(ComparisonTable.delongMatrix(result, SplitPart.TEST)).hasSize(6)
                .allSatisfy(row -> assertThat(row).hasSize(6));
    }

    @Test
    void exportsCarryTheTableInJournalFormat() throws Exception {
        String csv = TableExport.csv(result);
        assertThat(csv.split("\r\n")).hasSize(16);
        assertThat(csv).startsWith("Model,Cohort,Accuracy,AUC,95% CI,Sensitivity,Specificity,PPV,NPV,Threshold");
        ComparisonTable.Line first = ComparisonTable.lines(result).get(0);
        assertThat(first.cells().get(4)).matches("0\\.\\d{3}\u20130\\.\\d{3}|1\\.000");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(TableExport.xlsx(result)))) {
            assertThat(wb.getSheet("Table").getLastRowNum()).isEqualTo(15);
            assertThat(wb.getSheet("Table").getRow(1).getCell(3).getStringCellValue()).isEqualTo(first.cells().get(3));
            assertThat(wb.getSheet("DeLong Test")).isNotNull();
        }
        String tex = TableExport.latex(result);
        assertThat(tex).contains("\\toprule", "\\textbf{", "--").doesNotContain("\u2013");
        assertThat(JournalFormat.withInterval(0.8734, 0.8212, 0.9249)).isEqualTo("0.873 (0.821\u20130.925)");
        assertThat(JournalFormat.p(0.0004)).isEqualTo("p < 0.001");
        assertThat(JournalFormat.p(0.0423)).isEqualTo("p = 0.042");
        // Best per column is marked once per part (ties aside).
        long bestAucTest = ComparisonTable.lines(result).stream()
                .filter(l -> l.row().part() == SplitPart.TEST && l.best()[3]).count();
        assertThat(bestAucTest).isEqualTo(1);
    }

    @Test
    void savedComparisonRoundTripsAndReportCarriesTheTable() {
        ComparisonSpec spec = new ComparisonSpec(paper.get(0).experimentId(), paper.stream().map(Run::id).toList(),
                null, ComparisonSpec.ThresholdChoice.OWN_YOUDEN, paper.get(1).id(), null);
        SavedComparison saved = CompareFixture.as("rita", Role.RESEARCHER, () -> comparisons.save("Paper", spec));
        assertThat(comparisons.find(saved.id()).orElseThrow().spec()).isEqualTo(spec);
        assertThat(saved.createdBy()).isEqualTo("rita");
        String html = comparisons.report(saved.id());
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "compare-report-sample.html"), html);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ComparisonResult r = comparisons.compute(spec);
        for (ComparisonTable.Line line : ComparisonTable.lines(r)) {
            assertThat(html).contains(line.cells().get(4));
        }
        assertThat(html).contains("own Youden", "Provenance", "&quot;git&quot; : &quot;abc123&quot;", "lasso.cv = 10",
                "data-figure=\"roc-test\"", "data-figure=\"history\"", "echarts");
    }

    @Test
    void drillDownListsTheCasesBehindARocPointAndAConfusionCell() {
        Run combined = paper.get(2);
        var roc = result.data().get(combined.id()).get(SplitPart.TEST).evaluation().roc();
        int k = roc.size() / 2;
        var cases = ComparisonService.casesAtOrAbove(result, SplitPart.TEST, combined.id(), roc.thresholds()[k]);
        assertThat(cases).hasSize(roc.truePositives()[k] + roc.falsePositives()[k]);
        assertThat(cases.get(0).probabilities()).containsKeys(paper.get(0).id(), combined.id());
        // A 3-class run: confusion cells by arg-max.
        Run three = CompareFixture.as("rita", Role.RESEARCHER, () -> {
            Run r = runs.launch(new NewRun(combined.experimentId(), "3-class", RunKind.FINETUNE, "n0-n12-n3",
                    "demo@1", CompareFixture.SPLIT, "{\"classes\":3}", 5L));
            runs.markRunning(r.id());
            List<CasePrediction> ps = new ArrayList<>();
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
            for (int i = 0; i < 90; i++) {
                int label = i % 3;
                double[] p = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
                p[label] += 0.8;
                double s = p[0] + p[1] + p[2];
                for (int c = 0; c < 3; c++) {
                    p[c] /= s;
                }
                ps.add(new CasePrediction("m" + i, SplitPart.values()[(i / 3) % 3], label, p[1] + p[2],
                        p));
            }
            runs.savePredictions(r.id(), ps);
            runs.finish(r.id(), "{}");
            return r;
        });
        ComparisonResult mc = comparisons.compute(new ComparisonSpec(three.experimentId(), List.of(three.id()),
                null, ComparisonSpec.ThresholdChoice.OWN_YOUDEN, null, null));
        for (SplitPart part : SplitPart.values()) {
            long[][] cm = mc.data().get(three.id()).get(part).multiClass().confusion();
            assertThat(cm).hasDimensions(3, 3);
            for (int t = 0; t < 3; t++) {
                for (int p = 0; p < 3; p++) {
                    assertThat(ComparisonService.casesInCell(mc, part, three.id(), t, p)).hasSize((int) cm[t][p]);
                }
            }
            assertThat(ChartOptions.confusion(mc, part, three.id())).contains("heatmap");
        }
    }



    @Test
    void pdfReportCarriesTheTableTable1MethodsAndAFigurePerPart() throws Exception {
        // Runs on the demo cohort's real task and a real split, so the report finds their Table 1.
        var cohort = cohorts.versions(nodus.cohort.DemoCohortService.COHORT_NAME).get(0);
        String task = nodus.cohort.DemoCohortService.TASK_N0_VS_NPLUS;
        var split = CompareFixture.as("rita", Role.RESEARCHER, () -> splits.create(cohort.id(), task,
                nodus.cohort.SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 3, List.of(), "report split"));
        List<CompareFixture.Model> models = CompareFixture.PAPER_MODELS.stream().map(m -> new CompareFixture.Model(
                m.name(), m.kind(), m.signal(), m.noise(), split.contentHash(), m.history())).toList();
        List<Run> onDemo = CompareFixture.createRuns(runs, paper.get(0).experimentId(), 21, models, cohort.ref(),
                task);
        ComparisonSpec spec = ComparisonSpec.of(paper.get(0).experimentId(), onDemo.stream().map(Run::id).toList());
        SavedComparison saved = CompareFixture.as("rita", Role.RESEARCHER, () -> comparisons.save("PDF", spec));

        long start = System.nanoTime();
        byte[] pdf = comparisons.reportPdf(saved.id());
        long ms = (System.nanoTime() - start) / 1_000_000;
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "compare-report-sample.pdf"), pdf);

        String text;
        int pages;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(pages).as("pages of a %d ms PDF", ms).isGreaterThan(2);
        ComparisonResult r = comparisons.compute(spec);
        for (ComparisonTable.Line line : ComparisonTable.lines(r)) {
            // AUC and its CI exactly as the comparison table prints them (en dash included).
            assertThat(text).contains(line.cells().get(0) + " " + line.cells().get(1) + " " + line.cells().get(2)
                    + " " + line.cells().get(3) + " " + line.cells().get(4));
        }
        assertThat(text).contains("Table 1. Baseline characteristics", cohort.ref(), split.name(),
                "Feature selection:", "selection.lasso.cv = 10", "Provenance", "abc123");
        // Table 1's cells are the cohort feature's own.
        nodus.cohort.Table1 t1 = baseline.table1(cohort.id(), task, split.id());
        assertThat(text).contains(t1.rows().get(0).variable(), t1.rows().get(0).cells().get(0).get(0));
        for (String figure : List.of("ROC curves", "Decision curves", "Calibration curves")) {
            for (SplitPart part : SplitPart.values()) {
                assertThat(text).contains("Figure: " + figure + ", " + ComparisonTable.cohortLabel(part));
            }
        }
    }

    @Test
    void staticFiguresAreWellFormedSvgWithOneCurvePerRun() throws Exception {
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        for (SplitPart part : SplitPart.values()) {
            String roc = StaticComparisonFigures.roc(result, part);
            String dca = StaticComparisonFigures.decision(result, part);
            String cal = StaticComparisonFigures.calibration(result, part);
            for (String svg : List.of(roc, dca, cal)) {
                var doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
            }
            int n = result.runs().size();
            assertThat(roc.split("<polyline", -1)).hasSize(1 + n + 1); // chance diagonal + one per run
            assertThat(dca.split("<polyline", -1)).hasSize(1 + n + 2); // + treat all, treat none
            assertThat(cal.split("<polyline", -1)).hasSize(1 + 1 + n); // diagonal + one per run
            assertThat(dca).contains("Treat all", "Treat none");
            assertThat(cal).contains("HL p", "Perfectly calibrated");
            for (Run run : result.runs()) {
                var e = result.data().get(run.id()).get(part).evaluation();
                assertThat(roc).contains(ReportRenderer.esc(ChartOptions.rocSeriesName(run, e)));
            }
        }
    }

    @Test
    void drillDownFromCalibrationBinsHistogramBarsAndDecisionThresholds() {
        Run combined = paper.get(2);
        var d = result.data().get(combined.id()).get(SplitPart.VALIDATION);
        var curve = d.evaluation().calibrationQuantile();
        int total = 0;
        for (int k = 0; k < curve.counts().length; k++) {
            var cases = ComparisonService.casesInCalibrationBin(result, SplitPart.VALIDATION, combined.id(), k);
            assertThat(cases).hasSize(curve.counts()[k]);
            // The bin's cases reproduce the plotted point: mean probability and observed fraction.
            double mean = cases.stream().mapToDouble(c -> c.probabilities().get(combined.id())).average().orElseThrow();
            double observed = cases.stream().mapToDouble(c -> c.label() >= 1 ? 1 : 0).average().orElseThrow();
            assertThat(mean).isCloseTo(curve.meanPredicted()[k], within(1e-12));
            assertThat(observed).isCloseTo(curve.fractionOfPositives()[k], within(1e-12));
            total += cases.size();
        }
        assertThat(total).isEqualTo(d.scores().length);
        int bars = 0;
        for (int b = 0; b < 10; b++) {
            bars += ComparisonService.casesInHistogramBin(result, SplitPart.VALIDATION, combined.id(), b).size();
        }
        assertThat(bars).isEqualTo(d.scores().length);
        for (var nb : d.evaluation().netBenefit()) {
            assertThat(ComparisonService.casesTreatedAt(result, SplitPart.VALIDATION, combined.id(), nb.threshold()))
                    .hasSize(nb.truePositives() + nb.falsePositives());
        }
    }
}
