package nodus.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) for UI tests. Outside CI the tests skip with a
 * message when no browser is installed; with {@code NODUS_REQUIRE_BROWSER=true} (set by .ci/run) they fail instead.
 * The driver path is given explicitly so Selenium Manager never tries to download one.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser open(int port) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            String message = "browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
                    + "); install them with `apt-get install chromium chromium-driver`";
            if ("true".equals(System.getenv("NODUS_REQUIRE_BROWSER"))) {
                fail(message + " — NODUS_REQUIRE_BROWSER=true makes this test mandatory");
            }
            Assumptions.assumeTrue(false, "skipped: " + message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1400,1000");
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("nodus-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port + "/");
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String route) {
        driver.get(baseUrl + route);
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(by, text));
    }

    public void login(String user, String password) {
        go("login");
        waitFor(By.id("vaadinLoginUsername")).findElement(By.tagName("input")).sendKeys(user);
        driver.findElement(By.id("vaadinLoginPassword")).findElement(By.tagName("input")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        waitFor(By.id("main-nav"));
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
