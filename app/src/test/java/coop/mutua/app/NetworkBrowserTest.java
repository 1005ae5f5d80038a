package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.NodeRound;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestMail;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The network directory in a real browser (ADR 22): a supplier asks to be listed through the public form, the
 * coordinator accepts it from the home page's step, the supplier takes its invitation to its own login; and a
 * visitor finds it, from a commune chosen as typed, with the reasons of its rank and a map.
 */
@IntegrationTest
class NetworkBrowserTest extends BrowserTest {

    @Override
    protected String screenshotName() {
        return "browser-network.png";
    }

    @Test
    void aRequestGoesFromThePublicFormToAnInvitedSupplierFoundByVisitors() {
        TestGroupement groupement = groupements.create("Réseau annuaire navigateur");
        String email = "lea-" + System.nanoTime() + "@savonnerie.example.org";
        String name = "Savonnerie du Bassin " + groupement.id().value().substring(0, 4);

        // A visitor, without an account, fills in the public form.
        browser.get("http://localhost:" + port + "/network");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Faire référencer votre structure"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("groupementId")));
        new Select(browser.findElement(By.id("groupementId"))).selectByVisibleText(groupement.name());
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("siret")).sendKeys(NodeRound.siret());
        new Select(browser.findElement(By.id("essFamily"))).selectByValue("ESUS_COMPANY");
        browser.findElement(By.id("street")).sendKeys("4 allée des Pins");
        browser.findElement(By.id("postalCode")).sendKeys("33120");
        browser.findElement(By.id("municipality")).sendKeys("Arcach");
        wait.until(driver -> !driver.findElements(By.cssSelector("#communes option[value='Arcachon (33)']")).isEmpty());
        browser.findElement(By.id("municipality")).sendKeys("on (33)");
        new Select(browser.findElement(By.id("sector"))).selectByValue("ENTRETIEN_HYGIENE");
        browser.findElement(By.id("categoriesText")).sendKeys("Savons, Lessives");
        browser.findElement(By.id("departmentsText")).sendKeys("33, 40");
        // The ESUS row (labels come in their order: organic, fair trade, IAE, ESUS, EA/ESAT).
        browser.findElement(By.id("labels3.certificate")).sendKeys("ESUS-33-2025-147");
        browser.executeScript("document.getElementById('labels3.expiresOn').value = arguments[0];", LocalDate.now().plusYears(2).toString());
        browser.findElement(By.id("contactName")).sendKeys("Léa Martin");
        browser.findElement(By.id("contactEmail")).sendKeys(email);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), groupement.name()));
        String privateLink = browser.findElement(By.cssSelector("main .card a")).getAttribute("href");
        assertThat(privateLink).contains("/network/request/", "?key=");
        browser.get(privateLink);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".lead"), "En attente d'examen"));

        // The coordinator sees it waiting on the home page and accepts it.
        Browser.logIn(browser, wait, port, groupement.coordinator());
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("demande de référencement"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "ESUS-33-2025-147"));
        browser.findElement(By.xpath("//button[normalize-space()='Accepter et inviter']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Demande acceptée"));
        browser.findElement(By.linkText("Voir le fournisseur dans votre groupement")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".listing-status"), "Référencé"));
        browser.findElement(By.cssSelector(".user-box button[type=submit]")).click();

        // The requester takes the invitation to its own supplier login.
        String invitation = TestMail.awaitLink(email, "/invitation/");
        String login = "lea-" + groupement.id().value().substring(0, 6);
        browser.get(invitation);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(login);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Mon catalogue"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), name));
        browser.findElement(By.cssSelector(".user-box button[type=submit]")).click();

        // A visitor finds it from a commune typed by name, with the reasons of its rank and its mark on the map.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.get("http://localhost:" + port + "/network");
        browser.findElement(By.id("q")).sendKeys("savons");
        browser.findElement(By.id("commune")).sendKeys("La Teste-de-Buch", Keys.TAB);
        wait.until(driver -> names().contains(name));
        WebElement card = browser.findElements(By.cssSelector("#results .supplier-card")).stream()
                .filter(c -> c.getText().contains(name)).findFirst().orElseThrow();
        card.findElement(By.tagName("summary")).click();
        assertThat(card.findElement(By.cssSelector(".reasons")).getText()).contains("Filière ou produits : « savons »", "Livre jusqu'à vous");
        assertThat(card.getText()).contains("ESUS-33-2025-147");
        assertThat(browser.findElements(By.cssSelector("#results svg a.mark"))).isNotEmpty();
        assertThat(browser.getCurrentUrl()).contains("q=savons", "commune=");
    }

    private List<String> names() {
        return browser.findElements(By.cssSelector("#results .supplier-card h2")).stream().map(WebElement::getText).toList();
    }
}
