package nodus.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import nodus.cohort.Table1;
import nodus.experiment.CasePrediction;
import nodus.experiment.MetricPoint;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunStatus;
import nodus.experiment.SplitPart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The printable report without Spring: its XHTML is well-formed XML (openhtmltopdf needs that), and the PDF
 * printed from it holds the comparison table's AUC strings exactly (en dash and all), Table 1 with its header,
 * the methods and a figure per part. The service test does the same through the database with a real Table 1.
 */
class PdfReportTest {

    @Test
    void printableReportIsWellFormedAndThePdfCarriesTheTable() throws Exception {
        List<Run> runs = new ArrayList<>();
        Map<Long, List<CasePrediction>> predictions = new LinkedHashMap<>();
        Map<Long, List<MetricPoint>> history = new LinkedHashMap<>();
        String[] names = {"Clinical", "Radiomics <signature> & co", "Combined"};
        SplittableRandom r = new SplittableRandom(4);
        int[] labels = new SplittableRandom(5).ints(200, 0, 10).map(v -> v < 4 ? 1 : 0).toArray();
        for (int k = 0; k < names.length; k++) {
            Run run = new Run(k + 1, 1, names[k], RunKind.values()[k], "n0-vs-nplus", "Demo ALN cohort v1",
                    "abc", "spec" + k, RunStatus.FINISHED, null, "rita", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
            runs.add(run);
            List<CasePrediction> ps = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int label = labels[i];
                double logit = -0.5 + (1 + k) * label + CompareFixture.gaussian(r);
                ps.add(CasePrediction.binary(String.format("c%03d", i), SplitPart.values()[i % 3], label,
                        1 / (1 + Math.exp(-logit))));
            }
            predictions.put(run.id(), ps);
            history.put(run.id(), List.of());
        }
        ComparisonSpec spec = ComparisonSpec.of(1, runs.stream().map(Run::id).toList());
        ComparisonResult result = ComparisonCalculator.compute(spec, runs, predictions, history);
        Table1 t1 = new Table1(List.of("Training", "Test"), List.of("N0", "N+"), List.of(new long[] {60, 40},
                new long[] {20, 10}), List.of(new Table1.Row("Age (years)", null, List.of(List.of("51.2 ± 9.8",
                "53.0 ± 10.1"), List.of("50.1 ± 9.0", "55.5 ± 8.7")), new double[] {0.21, 0.0004},
                List.of("t", "t"))));
        Map<Long, ReportRenderer.RunTexts> texts = new LinkedHashMap<>();
        for (Run run : runs) {
            texts.put(run.id(), new ReportRenderer.RunTexts("{\"radiomics\":{\"binWidth\":25},\"lasso\":{\"cv\":10},"
                    + "\"seed\":42}", "{\"git\":\"abc123\"}"));
        }
        ReportRenderer.Inputs inputs = new ReportRenderer.Inputs(texts, List.of(new ReportRenderer.CohortTable(
                "Demo ALN cohort v1", "n0-vs-nplus", "abc", "split A", "train/test 4:1", t1, null,
                runs.stream().map(Run::id).toList())));
        SavedComparison saved = new SavedComparison("id-1", "Paper & <Table 2>", spec, "rita", Instant.EPOCH);

        String xhtml = ReportRenderer.renderStatic(saved, result, inputs);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));

        byte[] pdf = PdfReport.print(xhtml);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "compare-report-unit.pdf"), pdf);
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        for (ComparisonTable.Line line : ComparisonTable.lines(result)) {
            assertThat(text).contains(String.join(" ", line.cells().subList(0, 5)));
        }
        assertThat(text).contains("Table 1. Baseline characteristics", "51.2 ± 9.8", "N+ (n = 40)", "< 0.001",
                "Preprocessing:", "radiomics.binWidth = 25", "Feature selection:", "lasso.cv = 10",
                "\"git\" : \"abc123\"");
        for (String figure : List.of("ROC curves", "Decision curves", "Calibration curves")) {
            for (SplitPart part : SplitPart.values()) {
                assertThat(text).contains("Figure: " + figure + ", " + ComparisonTable.cohortLabel(part));
            }
        }
    }
}
