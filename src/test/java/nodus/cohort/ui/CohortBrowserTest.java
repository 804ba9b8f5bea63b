package nodus.cohort.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import nodus.support.Browser;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In a real headless Chromium: a researcher opens the demo cohort, creates a 6:2:2 split and sees Table 1 per part;
 * and walks the import wizard on a small dataset made in the test. Screenshots go to target/screenshots/cohort-*.png.
 */
@Tag("browser")
@ActiveProfiles("demo")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CohortBrowserTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void openDemoCohortCreateSplitSeeTable1() {
        try (Browser b = Browser.open(port)) {
            b.login("researcher", "researcher-demo");
            b.go("cohorts");
            b.waitForText(By.id("view-heading"), "Cohorts");
            // By its name: the other test may have imported a second cohort into the same (shared) context.
            WebElement open = b.waitFor(By.xpath("//a[starts-with(@id,'open-cohort-') and normalize-space(.)="
                    + "'Demo ALN cohort']"));
            b.screenshot("cohort-list");
            open.click();
            b.waitForText(By.id("view-heading"), "Cohort: Demo ALN cohort v1");
            assertThat(b.waitFor(By.id("cohort-tasks")).getText()).contains("N0 vs N+(≥1)", "N+(1–2) vs N+(≥3)",
                    "N0 / N+(1–2) / N+(≥3)", "N0 215");
            waitUntil(b, () -> b.driver().findElement(By.id("case-grid")).getText().contains("demo001"));
            waitUntil(b, () -> !b.driver().findElements(By.cssSelector("#case-grid img")).isEmpty());
            b.screenshot("cohort-cases");

            tab(b, "Splits").click();
            b.waitFor(By.id("create-split")).click();
            waitUntil(b, () -> b.driver().findElement(By.id("split-grid")).getText().contains("6:2:2, seed 42"));
            assertThat(b.driver().findElement(By.id("split-grid")).getText()).contains("Training: N0 129 / N+(≥1) 51",
                    "Validation: N0 43 / N+(≥1) 17", "Test: N0 43 / N+(≥1) 17");
            b.screenshot("cohort-split-created");

            tab(b, "Table 1").click();
            waitUntil(b, () -> b.driver().findElement(By.id("table1")).getText().contains("tumour_size_mm"));
            String table = b.driver().findElement(By.id("table1")).getText();
            assertThat(table).contains("Training", "Validation", "Test", "N0 (n=129)", "N+(≥1) (n=51)", "axillary_us");
            assertThat(b.driver().findElement(By.id("table1-xlsx")).getAttribute("href")).isNotBlank();
            b.screenshot("cohort-table1");

            tab(b, "Correlation").click();
            waitUntil(b, () -> b.driver().findElement(By.id("heat-map")).getText().contains("tumour_size_mm"));
            b.screenshot("cohort-heat-map");

            // Editing the rules makes version 2; version 1 stays as it was.
            tab(b, "Rules & tasks").click();
            WebElement variable = b.waitFor(By.id("rule-variable")).findElement(By.tagName("input"));
            variable.sendKeys("tumour_size_mm");
            variable.sendKeys(Keys.ENTER);
            type(b, "rule-value", "40");
            click(b, "rule-add");
            waitUntil(b, () -> b.driver().findElement(By.id("rule-grid")).getText().contains("tumour_size_mm ≤ 40"));
            b.screenshot("cohort-edit-rules");
            click(b, "definition-save");
            b.waitForText(By.id("view-heading"), "Cohort: Demo ALN cohort v2");
            assertThat(b.waitFor(By.id("cohort-rules")).getText()).contains("include tumour_size_mm ≤ 40");
            assertThat(b.driver().findElement(By.id("cohort-versions")).getText()).contains("v1", "v2 (this)");
        }
    }

    /**
     * The import wizard on a small folder made here (4 cases; the image of case c3 is missing at first): source,
     * column mapping with the detected types and the preview, the outcome column and its category order chosen in
     * the grid, the mapping saved, the validation report naming file/row/column, then — after the image is put in
     * place — a successful import that opens the new cohort.
     */
    @Test
    void importWizardMapsValidatesAndImports() throws Exception {
        Path folder = Files.createTempDirectory("nodus-wizard");
        StringBuilder csv = new StringBuilder("case_id,age,size_mm,er,aln\n");
        String[][] rows = {{"c1", "45", "12.5", "positive", "N0"}, {"c2", "61", "30.1", "negative", "N+"},
                {"c3", "52", "18.2", "positive", "N0"}, {"c4", "70", "22.4", "negative", "N+"}};
        for (String[] r : rows) {
            csv.append(String.join(",", r)).append('\n');
            if (!r[0].equals("c3")) {
                png(folder.resolve(r[0] + ".png"), false);
            }
            png(folder.resolve(r[0] + "_mask.png"), true);
        }
        Files.writeString(folder.resolve("clinical.csv"), csv);

        try (Browser b = Browser.open(port)) {
            b.login("researcher", "researcher-demo");
            b.go("cohorts");
            b.waitFor(By.id("open-import-wizard")).click();
            b.waitForText(By.id("import-step"), "Step 1 of 3 — source");
            type(b, "import-folder", folder.toString());
            type(b, "import-table", "clinical.csv");
            type(b, "import-name", "Wizard study");
            b.screenshot("cohort-import-1-source");
            click(b, "import-next-source");

            b.waitForText(By.id("import-step"), "Step 2 of 3 — column mapping");
            waitUntil(b, () -> b.driver().findElement(By.id("import-preview-grid")).getText().contains("c4"));
            String mapping = b.driver().findElement(By.id("import-mapping-grid")).getText();
            assertThat(mapping).contains("case_id", "size_mm", "numeric", "categorical", "aln");
            assertThat(b.driver().findElement(By.id("import-preview-grid")).getText()).contains("30.1", "negative");
            choose(b, "import-use-aln", "outcome");
            WebElement categories = b.driver().findElement(By.id("import-categories-aln"))
                    .findElement(By.tagName("input"));
            categories.sendKeys(Keys.chord(Keys.CONTROL, "a"), "N0, N+", Keys.TAB);
            type(b, "import-mapping-name", "wizard layout");
            click(b, "import-save-mapping");
            waitUntil(b, () -> b.driver().findElements(By.tagName("vaadin-notification-card")).stream()
                    .anyMatch(n -> n.getText().contains("Mapping saved as wizard layout")));
            b.screenshot("cohort-import-2-mapping");
            click(b, "import-next-mapping");

            b.waitForText(By.id("import-step"), "Step 3 of 3 — validation and import");
            waitUntil(b, () -> b.driver().findElement(By.id("import-validation-summary")).getText()
                    .contains("1 problem(s)"));
            String problems = b.driver().findElement(By.id("import-problems")).getText();
            assertThat(problems).contains("c3.png", "4", "image pattern {id}.png", "image file is missing");
            assertThat(b.driver().findElement(By.id("import-run")).getAttribute("disabled")).isNotNull();
            b.screenshot("cohort-import-3-problems");

            png(folder.resolve("c3.png"), false);
            click(b, "import-revalidate");
            waitUntil(b, () -> b.driver().findElement(By.id("import-validation-summary")).getText()
                    .contains("No problems"));
            click(b, "import-run");
            waitUntil(b, () -> b.driver().findElement(By.id("import-done")).getText()
                    .contains("Imported dataset and cohort Wizard study v1"));
            b.screenshot("cohort-import-4-done");
            click(b, "import-open-cohort");
            b.waitForText(By.id("view-heading"), "Cohort: Wizard study v1");
            assertThat(b.waitFor(By.id("cohort-tasks")).getText()).contains("aln: N0 vs N+", "N0 2, N+ 2");
            b.screenshot("cohort-import-5-cohort");
        }
    }

    /** Scrolls a button into the middle of the viewport first (the wizard's steps are longer than the window). */
    private static void click(Browser b, String id) {
        WebElement e = b.waitFor(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    private static void type(Browser b, String id, String text) {
        WebElement input = b.waitFor(By.id(id)).findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    /** Opens a vaadin-select and clicks the (visible) item with this label. */
    private static void choose(Browser b, String selectId, String label) {
        b.waitFor(By.id(selectId)).click();
        waitUntil(b, () -> b.driver().findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + label
                + "']")).stream().anyMatch(WebElement::isDisplayed));
        b.driver().findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
        waitUntil(b, () -> b.driver().findElement(By.id(selectId)).getText().contains(label)
                || String.valueOf(b.driver().findElement(By.id(selectId)).getAttribute("innerText")).contains(label));
    }

    private static void png(Path file, boolean mask) throws java.io.IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                boolean lesion = x >= 12 && x < 22 && y >= 10 && y < 18;
                img.getRaster().setSample(x, y, 0, mask ? (lesion ? 255 : 0) : (90 + x * 3 + y) % 256);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static WebElement tab(Browser b, String label) {
        return b.waitFor(By.xpath("//vaadin-tab[normalize-space(.)='" + label + "']"));
    }

    private static void waitUntil(Browser b, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> condition.getAsBoolean());
    }
}
