package coop.mutua.app.support;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A browser test of the running application: a fresh headless Chromium per test, a wait that looks again when htmx
 * replaced the element being read, and a screenshot of the last page in app/target when the test ends.
 */
public abstract class BrowserTest {

    protected static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected TestGroupements groupements;

    protected ChromeDriver browser;
    protected FluentWait<WebDriver> wait;

    /** The file name of the screenshot taken at the end of each test. */
    protected abstract String screenshotName();

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        Browser.screenshotAndQuit(browser, screenshotName());
    }
}
