package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A coordinator, in a real browser, logs in, creates a round and sees it; another groupement's coordinator does not. */
@IntegrationTest
class RoundsBrowserTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() throws Exception {
        Browser.screenshotAndQuit(browser, "browser-rounds.png");
    }

    @Test
    void coordinatorCreatesARoundAndOnlyItsGroupementSeesIt() {
        TestGroupement gironde = groupements.create("Réseau Gironde (navigateur)");
        TestGroupement landes = groupements.create("Réseau Landes (navigateur)");

        logIn(gironde.coordinator());
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Bonjour");
        browser.findElement(By.linkText("Campagnes d'achat")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Campagnes d'achat"));
        browser.findElement(By.linkText("Nouvelle campagne")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title")));

        LocalDate closing = LocalDate.now().plusDays(12);
        browser.findElement(By.id("title")).sendKeys("Fruits et légumes de saison");
        setValue(browser.findElement(By.id("closesAt")), closing + "T18:00");
        setValue(browser.findElement(By.id("deliveryDate")), closing.plusDays(3).toString());
        browser.findElement(By.id("deliveryPlace")).sendKeys("Entrepôt solidaire, quai de Brazza");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "créée en brouillon"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("the new round's page, to give it its terms")
                .contains("Fruits et légumes de saison").contains("Brouillon");
        browser.findElement(By.linkText("← Toutes les campagnes")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rounds")));
        WebElement row = browser.findElement(By.xpath("//table[@id='rounds']//tr[th[normalize-space()='Fruits et légumes de saison']]"));
        assertThat(row.getText()).contains("Brouillon").contains(closing.plusDays(3).getDayOfMonth() + "/");

        browser.findElement(By.cssSelector(".user-box button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        logIn(landes.coordinator());
        browser.findElement(By.linkText("Campagnes d'achat")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Campagnes d'achat"));
        assertThat(browser.findElement(By.id("main")).getText())
                .doesNotContain("Fruits et légumes de saison")
                .contains("Aucune campagne pour l'instant");
    }

    @Test
    void pagesCanBeUsedWithTheKeyboard() {
        TestGroupement groupement = groupements.create("Réseau clavier");
        logIn(groupement.coordinator());

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("Aller au contenu");
        first.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        assertThat(browser.findElements(By.cssSelector("nav[aria-label] a"))).extracting(WebElement::getText)
                .contains("Accueil", "Campagnes d'achat", "Adhérents", "Fournisseurs");
    }

    private void logIn(String username) {
        Browser.logIn(browser, wait, port, username);
    }

    private void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", input, value);
    }
}
