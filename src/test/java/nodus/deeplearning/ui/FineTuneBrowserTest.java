package nodus.deeplearning.ui;

import static nodus.experiment.compare.CompareFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nodus.base.security.Role;
import nodus.base.security.UserService;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.DemoCohortService;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import nodus.deeplearning.TestSupport;
import nodus.support.Browser;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real headless Chromium with the job engine's worker on: a researcher launches a short fine-tuning run
 * (ResNet-50 without pretrained weights, 64² px, 2 epochs, batch 12) on the demo cohort (60 cases) from the launch
 * form, watches the
 * run page's progress bar and loss curve move by server push, sees the not-pretrained badge, and opens Grad-CAM
 * for a test case. Screenshots in target/screenshots/.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FineTuneBrowserTest {

    private static final String PASSWORD = "researcher-password-2026";

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.registerWithJobs(registry);
        // A smaller demo cohort (same generator) keeps the run short on 2 shared cores.
        registry.add("nodus.demo.cases", () -> "60");
        registry.add("nodus.demo.size", () -> "64");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    CohortService cohorts;
    @Autowired
    SplitService splits;

    @Test
    void launchWatchAndExplainARun() {
        TestSupport.djl();
        as("admin", Role.ADMIN, () -> {
            users.create("rita", PASSWORD, Role.RESEARCHER);
            return null;
        });
        Cohort demo = cohorts.versions(DemoCohortService.COHORT_NAME).get(0);
        as("rita", Role.RESEARCHER, () -> splits.create(demo.id(), DemoCohortService.TASK_N0_VS_NPLUS,
                SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 42, List.of(), "main"));

        try (Browser b = Browser.open(port)) {
            JavascriptExecutor js = (JavascriptExecutor) b.driver();
            b.login("rita", PASSWORD);
            b.go("finetune");
            b.waitFor(By.id("ft-launch"));
            // Flow's combo boxes hold item keys; the input shows the label.
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> "main".equals(
                    js.executeScript("return document.querySelector('#ft-split input').value")));
            // Defaults: the demo cohort, its first task, split "main", resnet50 — and no weights file in CI.
            assertThat(b.driver().findElement(By.id("ft-weights-warning")).isDisplayed()).isTrue();
            type(b, "ft-image-size", "64");
            type(b, "ft-epochs", "2");
            type(b, "ft-batch", "12");
            type(b, "ft-lr", "0.01");
            b.screenshot("finetune-launch-form");
            b.driver().findElement(By.id("ft-launch")).click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().matches(".*/runs/\\d+$"));

            WebElement badge = b.waitFor(By.id("not-pretrained-warning"));
            assertThat(badge.getText()).contains("NOT PRETRAINED");

            // Follow the run as the page receives it: progress fractions and the number of loss points.
            List<Double> fractions = new ArrayList<>();
            List<Integer> lossPoints = new ArrayList<>();
            boolean midRunShot = false;
            long deadline = System.currentTimeMillis() + 600_000;
            String status = "";
            while (System.currentTimeMillis() < deadline) {
                status = b.driver().findElement(By.id("run-status")).getText();
                double f = Double.parseDouble(attr(b, "run-progress", "data-fraction", "0"));
                int points = Integer.parseInt(attr(b, "loss-curve", "data-points", "0"));
                if (fractions.isEmpty() || fractions.get(fractions.size() - 1) != f) {
                    fractions.add(f);
                }
                if (lossPoints.isEmpty() || lossPoints.get(lossPoints.size() - 1) != points) {
                    lossPoints.add(points);
                }
                if (!midRunShot && f > 0 && f < 1) {
                    b.screenshot("finetune-run-progress");
                    midRunShot = true;
                }
                if (status.startsWith("finished") || status.startsWith("failed") || status.startsWith("cancelled")) {
                    break;
                }
                sleep(150);
            }
            assertThat(status).startsWith("finished");
            assertThat(fractions).as("progress values seen").hasSizeGreaterThanOrEqualTo(3)
                    .isSorted().anySatisfy(f -> assertThat(f).isStrictlyBetween(0.0, 1.0));
            assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
            assertThat(lossPoints).as("loss points seen").isSorted().contains(2).hasSizeGreaterThanOrEqualTo(2);
            assertThat(b.driver().findElement(By.id("run-progress-text")).getText()).contains("2 epochs trained");
            assertThat(((Number) js.executeScript("return arguments[0].seriesCount()",
                    b.driver().findElement(By.id("loss-curve")))).intValue()).isEqualTo(2);
            b.screenshot("finetune-run-finished");

            // Grad-CAM for the first test case of the grid.
            WebElement grid = b.waitFor(By.id("gradcam-cases"));
            WebElement cell = new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d ->
                    grid.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                            .filter(c -> c.getText().matches("demo\\d+")).findFirst().orElse(null));
            String caseId = cell.getText();
            cell.click();
            WebElement image = new WebDriverWait(b.driver(), Duration.ofSeconds(240)).until(d -> {
                WebElement img = d.findElement(By.id("gradcam-image"));
                return img.isDisplayed() && Boolean.TRUE.equals(js.executeScript(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", img)) ? img : null;
            });
            assertThat(image.getAttribute("src")).startsWith("data:image/png;base64,");
            assertThat(b.driver().findElement(By.id("gradcam-caption")).getText()).contains(caseId);
            js.executeScript("arguments[0].scrollIntoView()", image);
            b.screenshot("finetune-gradcam");
        }
    }

    private static void type(Browser b, String id, String value) {
        WebElement input = b.driver().findElement(By.id(id)).findElement(By.tagName("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    private static String attr(Browser b, String id, String name, String otherwise) {
        String v = b.driver().findElement(By.id(id)).getAttribute(name);
        return v == null ? otherwise : v;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
