package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supplier, in a real browser, finds its grouped order after the close, confirms it, reports a shortage and records
 * what it delivered.
 */
@IntegrationTest
class SupplierPortalBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String screenshotName() {
        return "browser-supplier-portal.png";
    }

    @Test
    void theSupplierSeesItsGroupedOrderConfirmsItReportsAShortageAndRecordsTheDelivery() {
        TestGroupement groupement = groupements.create("Réseau portail fournisseur");
        Http api = new Http(port);
        String carrots = RoundsThroughApi.product(api, groupement.supplier(), groupement.supplierId(), RoundsThroughApi.CARROTS);
        String round = RoundsThroughApi.openRound(api, groupement, "Commande de printemps", groupement.supplierId());
        api.putJson("/api/rounds/" + round + "/orders/" + groupement.memberId(), groupement.member(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"12\"}]}");
        api.postJson("/api/rounds/" + round + "/close", groupement.coordinator(), PASSWORD, "");
        Eventually.equal(true, () -> jdbc.sql("SELECT pooled_at IS NOT NULL FROM purchase_round WHERE id = :id").param("id", round)
                .query(Boolean.class).single());

        Browser.logIn(browser, wait, port, groupement.supplier());
        browser.findElement(By.linkText("Commandes groupées")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Commande de printemps"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-lines")));
        assertThat(browser.findElement(By.id("order-lines")).getText()).contains("CAR-6").contains("Carottes").contains("21,60 €").contains("1,80");
        assertThat(browser.findElement(By.id("packing")).getText()).contains("Association").contains("12");
        assertThat(browser.findElement(By.linkText("Bon de commande (PDF)")).getAttribute("href")).endsWith("/pdf");

        browser.findElement(By.xpath("//button[normalize-space()='Confirmer la commande']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Commande confirmée"));

        browser.findElement(By.xpath("//tr[@data-product-id='" + carrots + "']//summary")).click();
        new Select(browser.findElement(By.id("change-" + carrots))).selectByVisibleText("Autre quantité");
        browser.findElement(By.id("quantity-" + carrots)).sendKeys("10");
        browser.findElement(By.id("note-" + carrots)).sendKeys("Gel sur une parcelle");
        browser.findElement(By.xpath("//tr[@data-product-id='" + carrots + "']//button[normalize-space()='Envoyer']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Changement signalé"));
        assertThat(browser.findElement(By.xpath("//tr[@data-product-id='" + carrots + "']")).getText())
                .contains("Autre quantité : 10").contains("Gel sur une parcelle");

        assertThat(browser.findElements(By.id("reception-form"))).as("what arrived is the coordinator's to record").isEmpty();

        // At delivery, 10 kg arrive: the coordinator records it on the page, the member's share follows.
        String orderPage = browser.getCurrentUrl();
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, wait, port, groupement.coordinator());
        browser.get(orderPage);
        WebElement delivered = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delivered-" + carrots)));
        assertThat(delivered.getAttribute("value")).as("prefilled with what was ordered").isEqualTo("12");
        delivered.clear();
        delivered.sendKeys("10");
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer la réception']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Réception enregistrée"));
        assertThat(browser.findElement(By.id("packing")).getText()).contains("12 10");

        // The coordinator sees the same through the API.
        var order = api.get("/api/supplier-orders", groupement.coordinator(), PASSWORD).json().get(0);
        assertThat(order.get("confirmedVersion").asInt()).isEqualTo(1);
        assertThat(order.get("lines").get(0).at("/reported/change").asString()).isEqualTo("NEW_QUANTITY");
    }
}
