package nodus.experiment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import nodus.base.security.Role;
import nodus.base.security.UserService;
import nodus.experiment.ExperimentService;
import nodus.experiment.Run;
import nodus.experiment.RunService;
import nodus.experiment.SplitPart;
import nodus.experiment.compare.CompareFixture;
import nodus.experiment.compare.ComparisonTable;
import nodus.experiment.compare.JournalFormat;
import nodus.support.Browser;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real headless Chromium: a researcher compares the paper's four models (table with runs × 3 parts rows whose
 * numbers are those of {@code nodus evaluate}, ROC with one series per run per part, DCA and calibration panels,
 * a filled DeLong matrix), saves the comparison; a supervisor in a fresh session opens its URL, sees the same
 * table, opens the HTML report (all figures drawn, same numbers) and lands on the dashboard.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompareBrowserTest {

    private static final String RESEARCHER_PASSWORD = "researcher-password-2026";
    private static final String SUPERVISOR_PASSWORD = "supervisor-password-2026";

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ExperimentService experiments;
    @Autowired
    RunService runs;
    @Autowired
    UserService users;
    @Autowired
    nodus.experiment.compare.ComparisonService comparisons;

    @Test
    void compareSaveReopenReportAndDashboard(@TempDir Path dir) throws Exception {
        CompareFixture.as("admin", Role.ADMIN, () -> {
            users.create("rita", RESEARCHER_PASSWORD, Role.RESEARCHER);
            users.create("sam", SUPERVISOR_PASSWORD, Role.SUPERVISOR);
            return null;
        });
        List<Run> paper = CompareFixture.create(experiments, runs, "ALN N0 vs N+", 7, CompareFixture.PAPER_MODELS);
        long exp = paper.get(0).experimentId();
        String ids = paper.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));

        List<List<String>> table;
        String savedUrl;
        try (Browser b = Browser.open(port)) {
            b.login("rita", RESEARCHER_PASSWORD);
            b.go("compare?experiment=" + exp + "&runs=" + ids);
            b.waitFor(By.id("comparison-table"));
            table = rows(b, "#comparison-table tbody tr");
            assertThat(table).hasSize(paper.size() * 3);

            // Every number in the table is what `nodus evaluate` prints for the same predictions.
            for (List<String> row : table) {
                Run run = paper.stream().filter(r -> r.name().equals(row.get(0))).findFirst().orElseThrow();
                SplitPart part = java.util.Arrays.stream(SplitPart.values())
                        .filter(p -> ComparisonTable.cohortLabel(p).equals(row.get(1))).findFirst().orElseThrow();
                JsonNode cli = CompareFixture.evaluateCli("--predictions", CompareFixture.exportPart(runs, dir, run, part).toString(), "--threshold-from",
                        CompareFixture.exportPart(runs, dir, run, SplitPart.TRAIN).toString());
                JsonNode at = cli.get("at_threshold");
                assertThat(row.subList(2, 10)).containsExactly(
                        JournalFormat.number(at.get("accuracy").asDouble()),
                        JournalFormat.number(cli.get("auc").asDouble()),
                        JournalFormat.interval(cli.get("auc_ci95").get(0).asDouble(),
                                cli.get("auc_ci95").get(1).asDouble()),
                        JournalFormat.number(at.get("sensitivity").asDouble()),
                        JournalFormat.number(at.get("specificity").asDouble()),
                        JournalFormat.number(at.get("ppv").asDouble()),
                        JournalFormat.number(at.get("npv").asDouble()),
                        JournalFormat.number(at.get("threshold").asDouble()) + " (training Youden)");
            }
            int rocSeries = 0;
            for (SplitPart part : SplitPart.values()) {
                String p = part.name().toLowerCase();
                int n = seriesCount(b, "roc-" + p);
                assertThat(n).as("ROC series on " + p).isEqualTo(paper.size());
                rocSeries += n;
                // Decision curves: one per run plus treat-all and treat-none; calibration: diagonal + line and
                // histogram per run.
                assertThat(seriesCount(b, "decision-" + p)).isEqualTo(paper.size() + 2);
                assertThat(seriesCount(b, "calibration-" + p)).isEqualTo(1 + 2 * paper.size());
                assertThat(svg(b, "decision-" + p)).contains("Treat all", "Treat none");
                assertThat(svg(b, "calibration-" + p)).contains("HL p");
                assertThat(svg(b, "roc-" + p)).contains("AUC 0.");
                List<List<String>> delong = rows(b, "#delong-" + p + " tr");
                assertThat(delong).hasSize(paper.size() + 1);
                assertThat(b.driver().findElements(By.cssSelector("#delong-" + p + " td.p-value")))
                        .hasSize(paper.size() * (paper.size() - 1))
                        .allSatisfy(td -> assertThat(td.getText()).matches("< 0\\.001|0\\.\\d{3}|1\\.000"));
            }
            assertThat(rocSeries).isEqualTo(paper.size() * 3);
            assertThat(seriesCount(b, "history")).isEqualTo(2); // the fine-tuned run's train_loss and val_auc
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()",
                    b.driver().findElement(By.id("roc-panels")));
            b.screenshot("compare-table-and-roc");
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()",
                    b.driver().findElement(By.id("calibration-panels")));
            b.screenshot("compare-dca-calibration");
            String png = (String) ((JavascriptExecutor) b.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "document.getElementById('roc-test').png(3).then(done, e => done('error ' + e));");
            assertThat(png).startsWith("data:image/png;base64,");

            // Drill-down: a real click on the first calibration point of the first run (series 1; series 0 is the
            // diagonal) on the validation panel lists that quantile bin's cases — as many as the bin counts.
            calibrationDrillDown(b, paper);

            WebElement name = b.driver().findElement(By.id("comparison-name")).findElement(By.tagName("input"));
            name.sendKeys("Paper Tables 2 and 3");
            b.driver().findElement(By.id("save-comparison")).click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().matches(".*/compare/[0-9a-f-]{36}$"));
            savedUrl = b.driver().getCurrentUrl();
            b.waitFor(By.id("saved-name"));
        }

        try (Browser s = Browser.open(port)) {
            s.login("sam", SUPERVISOR_PASSWORD);
            // The supervisor's home is the dashboard.
            s.waitForText(By.id("view-heading"), "Dashboard");
            assertThat(s.driver().findElement(By.id("best-runs")).getText()).contains("Combined", "n0-vs-nplus");
            s.screenshot("supervisor-dashboard");

            s.driver().get(savedUrl);
            s.waitFor(By.id("comparison-table"));
            assertThat(rows(s, "#comparison-table tbody tr")).isEqualTo(table);
            assertThat(seriesCount(s, "roc-test")).isEqualTo(paper.size());
            s.screenshot("compare-saved-fresh-session");

            String report = s.waitFor(By.id("report-link")).getAttribute("href");
            s.driver().get(report);
            new WebDriverWait(s.driver(), Duration.ofSeconds(90))
                    .until(d -> d.findElement(By.tagName("body")).getAttribute("data-figures-rendered") != null);
            List<WebElement> figures = s.driver().findElements(By.cssSelector("div.figure"));
            assertThat(figures).hasSize(3 * 4 + 1); // ROC, DCA, calibration, confusion per part + history
            assertThat(figures).allSatisfy(f -> assertThat(f.findElements(By.tagName("svg"))).isNotEmpty());
            assertThat(rows(s, "#comparison-table tbody tr")).isEqualTo(table);
            assertThat(s.driver().findElement(By.id("methods")).getText()).contains("DeLong", "Youden", "lasso.cv = 10");
            s.screenshot("compare-report");

            // The PDF link serves a PDF (fetched in the same session, as a click would download it) whose text
            // carries the table's AUC and CI strings, Table 1's place and a figure per part.
            s.driver().navigate().back();
            String pdfHref = s.waitFor(By.id("report-pdf-link")).getAttribute("href");
            // Printing 4 runs' report takes seconds idle but tens of seconds on a loaded machine.
            s.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(240));
            String base64 = (String) ((JavascriptExecutor) s.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.blob()).then(b => { const f = new FileReader();"
                            + "f.onload = () => done(f.result); f.readAsDataURL(b); }, e => done('error ' + e));",
                    pdfHref);
            assertThat(base64).startsWith("data:application/pdf");
            byte[] pdf = java.util.Base64.getDecoder().decode(base64.substring(base64.indexOf(',') + 1));
            java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("compare-report.pdf"), pdf);
            try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isGreaterThan(2);
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                for (List<String> row : table) {
                    assertThat(text).contains(String.join(" ", row.subList(0, 5)));
                }
                assertThat(text).contains("Cohort", "Provenance", "Figure: ROC curves, Test",
                        "Figure: Decision curves, Validation", "Figure: Calibration curves, Training");
            }
        }
    }

    /** Clicks a calibration point through ECharts and checks the listed cases against the bin's count. */
    private void calibrationDrillDown(Browser b, List<Run> paper) {
        WebElement chart = b.waitFor(By.id("calibration-validation"));
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
        @SuppressWarnings("unchecked")
        List<Number> px = (List<Number>) js.executeScript(
                "const c = arguments[0]._chart; const d = c.getOption().series[1].data[0];"
                        + "return c.convertToPixel({seriesIndex: 1}, d);", chart);
        int dx = (int) Math.round(px.get(0).doubleValue() - chart.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(px.get(1).doubleValue() - chart.getSize().getHeight() / 2.0);
        new org.openqa.selenium.interactions.Actions(b.driver()).moveToElement(chart, dx, dy).pause(300).click()
                .perform();
        new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> d.findElements(By.id("drilldown-title"))
                .stream().anyMatch(t -> t.getText().contains("calibration bin 1 ")));
        String title = b.driver().findElement(By.id("drilldown-title")).getText();
        // Another run's first point may lie on top: whichever run was hit, its bin's count must be listed.
        Run hit = paper.stream().filter(r -> title.startsWith(r.name() + ",")).findFirst().orElseThrow();
        var result = nodus.experiment.compare.CompareFixture.as("rita", Role.RESEARCHER, () -> comparisons.compute(
                nodus.experiment.compare.ComparisonSpec.of(hit.experimentId(), paper.stream().map(Run::id)
                        .toList())));
        int expected = result.data().get(hit.id()).get(SplitPart.VALIDATION).evaluation().calibrationQuantile()
                .counts()[0];
        assertThat(title).endsWith("(" + expected + " cases)");
        // No CaseImages bean in this application: every case shows the placeholder instead of a thumbnail.
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> !d.findElements(
                By.cssSelector("#drilldown-cases .case-image-placeholder")).isEmpty());
        js.executeScript("arguments[0].scrollIntoView()", b.driver().findElement(By.id("drilldown")));
        b.screenshot("compare-drilldown-calibration-bin");
    }

    private static List<List<String>> rows(Browser b, String css) {
        return b.driver().findElements(By.cssSelector(css)).stream()
                .map(tr -> tr.findElements(By.cssSelector("td,th")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private static int seriesCount(Browser b, String id) {
        WebElement chart = b.waitFor(By.id(id));
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        new WebDriverWait(b.driver(), Duration.ofSeconds(30))
                .until(d -> ((Number) js.executeScript("return arguments[0].seriesCount()", chart)).intValue() > 0);
        return ((Number) js.executeScript("return arguments[0].seriesCount()", chart)).intValue();
    }

    private static String svg(Browser b, String id) {
        return (String) ((JavascriptExecutor) b.driver()).executeScript("return arguments[0].svg()",
                b.driver().findElement(By.id(id)));
    }


}
