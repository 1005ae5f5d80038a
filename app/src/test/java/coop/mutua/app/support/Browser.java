package coop.mutua.app.support;

import coop.mutua.testsupport.TempDirectories;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver: nothing is downloaded at run time. Without Chromium the
 * browser tests are skipped on a developer machine, and fail in CI (CI=true), where .ci/run installs it.
 */
public final class Browser {

    private static final File CHROMIUM = new File(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** Logs in through the login page, as a person would, and waits for the logged-in header. */
    public static void logIn(ChromeDriver browser, Wait<WebDriver> wait, int port, String username) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestGroupements.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-box")));
    }

    /** Keeps a picture of the last page in target/ (for a human to look at) and closes the browser. */
    public static void screenshotAndQuit(ChromeDriver browser, String name) throws IOException {
        if (browser == null) {
            return;
        }
        Path screenshot = Path.of("target", name);
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        browser.quit();
    }

    public static ChromeDriver start() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed) {
            String message = "Chromium and chromedriver are needed for browser tests: apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        Path profile;
        try {
            profile = TempDirectories.deleteAtExit(Files.createTempDirectory("mutua-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--disable-default-apps", "--window-size=1280,900", "--lang=fr-FR",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }
}
