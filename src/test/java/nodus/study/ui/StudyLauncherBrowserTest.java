package nodus.study.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nodus.base.security.Role;
import nodus.base.security.UserService;
import nodus.experiment.compare.CompareFixture;
import nodus.study.StudyService;
import nodus.support.Browser;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
 * A researcher launches a small study from the launcher (radiomics + clinical on one task of the demo cohort),
 * sees the estimate, watches the study page until it has finished, and opens the task's comparison.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudyLauncherBrowserTest {

    private static final String PASSWORD = "researcher-password-2026";

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.registerWithJobs(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    StudyService studies;

    @Test
    void launchWatchAndCompare() {
        CompareFixture.as("admin", Role.ADMIN, () -> {
            users.create("rita", PASSWORD, Role.RESEARCHER);
            return null;
        });
        try (Browser b = Browser.open(port)) {
            b.login("rita", PASSWORD);
            b.go("studies");
            b.waitFor(By.id("study-launcher"));
            WebElement name = b.driver().findElement(By.id("study-name")).findElement(By.tagName("input"));
            name.clear();
            name.sendKeys("ui study");
            tick(b, "study-tasks", "N0 vs N+(≥1)");
            tick(b, "study-variants", "radiomics");
            tick(b, "study-variants", "clinical");
            new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> d.findElement(By.id("study-estimate"))
                    .getText().startsWith("Estimated time: ≈"));
            assertThat(b.driver().findElement(By.id("study-download")).getAttribute("href")).isNotBlank();
            b.screenshot("study-launcher");
            b.driver().findElement(By.id("study-launch")).click();

            b.waitFor(By.id("study-status"));
            new WebDriverWait(b.driver(), Duration.ofMinutes(10)).until(d -> !"RUNNING".equals(
                    d.findElement(By.id("study-status")).getAttribute("data-status")));
            assertThat(b.driver().findElement(By.id("study-status")).getAttribute("data-status"))
                    .isEqualTo("FINISHED");
            assertThat(b.driver().findElement(By.id("study-summary")).getText())
                    .isEqualTo("2/2 runs settled (2 finished)");
            b.screenshot("study-finished");
            List<WebElement> links = b.driver().findElements(By.className("study-comparison-link"));
            assertThat(links).hasSize(1);
            assertThat(links.get(0).getText()).isEqualTo("Comparison — N0 vs N+(≥1)");
            // The page polled every second and rebuilt the link each time, so a click could land on a detached
            // element (CI failed with StaleElementReference). Past two poll intervals it must be the same element.
            pause(Duration.ofMillis(2500));
            links.get(0).click();
            b.waitFor(By.id("comparison-table"));
            List<WebElement> rows = b.driver().findElements(By.cssSelector("#comparison-table tbody tr"));
            assertThat(rows).hasSize(2 * 3); // two models × train/validation/test
            assertThat(b.driver().findElement(By.id("comparison-table")).getText())
                    .contains("Radiomics signature", "Clinical model");
            b.screenshot("study-comparison");
        }
        assertThat(studies.list()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("ui study"));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Ticks the checkbox with this label in a Vaadin checkbox group. */
    private static void tick(Browser b, String groupId, String label) {
        WebElement group = b.waitFor(By.id(groupId));
        new WebDriverWait(b.driver(), Duration.ofSeconds(30)).until(d -> group
                .findElements(By.tagName("vaadin-checkbox")).stream().anyMatch(c -> label.equals(c.getText())));
        for (WebElement c : group.findElements(By.tagName("vaadin-checkbox"))) {
            if (label.equals(c.getText())) {
                ((JavascriptExecutor) b.driver()).executeScript("arguments[0].click()", c);
                return;
            }
        }
        throw new AssertionError("no checkbox '" + label + "' in " + groupId);
    }
}
