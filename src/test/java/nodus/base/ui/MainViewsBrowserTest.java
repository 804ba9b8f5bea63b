package nodus.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import nodus.support.Browser;
import nodus.support.FreshDataHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A real headless Chromium logs in as the first admin and opens every main view. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MainViewsBrowserTest {

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        FreshDataHome.register(registry);
    }

    @LocalServerPort
    int port;

    private static Browser browser;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = Browser.open(port);
            browser.login("admin", FreshDataHome.ADMIN_PASSWORD);
        }
        return browser;
    }

    @ParameterizedTest(name = "view /{0} shows heading {1}")
    @CsvSource({
            "'', Home",
            "cohorts, Cohorts",
            "experiments, Experiments",
            "runs, Runs",
            "compare, Compare",
            "registry, Registry",
            "admin/users, Users"})
    void everyMainViewRenders(String route, String heading) {
        Browser b = browser();
        b.go(route);
        b.waitForText(By.id("view-heading"), heading);
        assertThat(b.driver().findElement(By.id("main-nav")).getText())
                .contains("Home", "Cohorts", "Experiments", "Runs", "Compare", "Registry");
        assertThat(b.screenshot("main-" + (route.isEmpty() ? "home" : route.replace('/', '-')))).exists();
    }

    @Test
    void wrongPasswordIsRefused() {
        Browser b = browser();
        try (Browser other = Browser.open(port)) {
            other.go("login");
            other.waitFor(By.id("vaadinLoginUsername")).findElement(By.tagName("input")).sendKeys("admin");
            other.driver().findElement(By.id("vaadinLoginPassword")).findElement(By.tagName("input"))
                    .sendKeys("not-the-password");
            other.driver().findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(other.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().contains("error"));
            assertThat(other.driver().findElements(By.id("main-nav"))).isEmpty();
            other.screenshot("login-refused");
        }
        assertThat(b).isNotNull();
    }
}
