package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestMail;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People get their own logins, in a real browser, mail through a real SMTP server: the coordinator invites a person
 * from the member structure's page (or the supplier's), the mail's link is opened, the person chooses a login and a
 * password, logs in and does their work: the member orders, the supplier confirms its grouped order.
 */
@IntegrationTest
class AccountsBrowserTest extends BrowserTest {

    private static final String NEW_PASSWORD = "trois pommes sur la table";

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String screenshotName() {
        return "browser-accounts.png";
    }

    @Test
    void anInvitedMemberSetsAPasswordLogsInAndOrders() {
        TestGroupement groupement = groupements.create("Réseau invitations adhérents");
        Http api = new Http(port);
        String carrots = RoundsThroughApi.product(api, groupement.supplier(), groupement.supplierId(), RoundsThroughApi.CARROTS);
        String round = RoundsThroughApi.openRound(api, groupement, "Commande des invités", groupement.supplierId());
        String email = "lea." + UUID.randomUUID().toString().substring(0, 8) + "@asso.example";

        Browser.logIn(browser, wait, port, groupement.coordinator());
        browser.findElement(By.linkText("Adhérents")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Modifier"))).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-name-MEMBER")));
        name.sendKeys("Léa Martin");
        browser.findElement(By.id("invite-email-MEMBER")).sendKeys(email);
        browser.findElement(By.cssSelector(".invite-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitation-notice"), "Invitation envoyée à " + email));
        assertThat(browser.findElement(By.cssSelector("tr[data-email='" + email + "']")).getText()).contains("Léa Martin").contains("Invitation en attente");
        logOut();

        String link = TestMail.awaitLink(email, "/invitation/");
        assertThat(TestMail.text(TestMail.to(email).get(0))).contains("Bonjour Léa Martin").contains("expire le");
        browser.get(link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).clear();
        browser.findElement(By.id("username")).sendKeys("lea-martin-" + groupement.id().value().substring(0, 6));
        browser.findElement(By.id("password")).sendKeys("motdepasse123");
        browser.findElement(By.id("confirm")).sendKeys("motdepasse123");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText()).contains("trop courant");
        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Votre accès est créé"));

        String login = "lea-martin-" + groupement.id().value().substring(0, 6);
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(login);
        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".user-box")));
        assertThat(browser.findElement(By.cssSelector(".user-box")).getText()).contains("Léa Martin");
        browser.findElement(By.linkText("Campagnes d'achat")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Commande des invités"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Ma commande"))).click();
        WebElement quantity = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[th/span[normalize-space()='Carottes']]//input[contains(@name, '.quantity')]")));
        quantity.clear();
        quantity.sendKeys("12", Keys.TAB);
        wait.until(driver -> driver.findElement(By.id("line-" + carrots)).getText().contains("Groupe : 12 "));

        String userId = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", login).query(String.class).single();
        Eventually.equal(true, () -> jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM domainevententry WHERE payloadtype LIKE '%Order%'
                               AND convert_from(metadata, 'UTF8')::jsonb ->> 'userId' = :user)""")
                .param("user", userId).query(Boolean.class).single());
        assertThat(api.get("/api/rounds/" + round + "/orders/" + groupement.memberId(), groupement.coordinator(), PASSWORD).json()
                .get("lines").get(0).get("quantity").asString()).isEqualTo("12");
    }

    @Test
    void anInvitedSupplierConfirmsItsGroupedOrder() {
        TestGroupement groupement = groupements.create("Réseau invitations fournisseurs");
        Http api = new Http(port);
        String carrots = RoundsThroughApi.product(api, groupement.supplier(), groupement.supplierId(), RoundsThroughApi.CARROTS);
        String round = RoundsThroughApi.openRound(api, groupement, "Commande du fournisseur invité", groupement.supplierId());
        api.putJson("/api/rounds/" + round + "/orders/" + groupement.memberId(), groupement.member(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"12\"}]}");
        api.postJson("/api/rounds/" + round + "/close", groupement.coordinator(), PASSWORD, "");
        Eventually.equal(true, () -> jdbc.sql("SELECT pooled_at IS NOT NULL FROM purchase_round WHERE id = :id").param("id", round)
                .query(Boolean.class).single());
        String email = "producteur." + UUID.randomUUID().toString().substring(0, 8) + "@ferme.example";

        Browser.logIn(browser, wait, port, groupement.coordinator());
        browser.get("http://localhost:" + port + "/suppliers/" + groupement.supplierId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-name-SUPPLIER"))).sendKeys("Marc Producteur");
        browser.findElement(By.id("invite-email-SUPPLIER")).sendKeys(email);
        new Select(browser.findElement(By.id("invite-language-SUPPLIER"))).selectByValue("en");
        browser.findElement(By.cssSelector(".invite-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitation-notice"), email));
        logOut();

        String link = TestMail.awaitLink(email, "/invitation/");
        assertThat(TestMail.to(email).get(0)).satisfies(mail -> assertThat(mail.getSubject()).startsWith("Invitation to join"));
        String login = "marc-" + groupement.id().value().substring(0, 6);
        browser.get(link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(login);
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("the page speaks the invitation's language").isEqualTo("Create your access");
        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".user-box")));

        browser.findElement(By.linkText("Grouped orders")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Commande du fournisseur invité"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Confirm the order']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Order confirmed"));
    }

    private void logOut() {
        browser.findElement(By.cssSelector(".user-box button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }
}
