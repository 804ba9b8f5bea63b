package nodus.cohort.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nodus.support.Browser;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A researcher opens the demo cohort in a real headless Chromium, creates a 6:2:2 split and sees Table 1 per part;
 * screenshots go to target/screenshots/cohort-*.png.
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
            WebElement open = b.waitFor(By.cssSelector("[id^='open-cohort-']"));
            assertThat(open.getText()).isEqualTo("Demo ALN cohort");
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
        }
    }

    private static WebElement tab(Browser b, String label) {
        return b.waitFor(By.xpath("//vaadin-tab[normalize-space(.)='" + label + "']"));
    }

    private static void waitUntil(Browser b, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> condition.getAsBoolean());
    }
}
