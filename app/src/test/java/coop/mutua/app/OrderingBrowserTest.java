package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A member orders three products in a real browser and sees the pool change; the coordinator sees the pooled totals. */
@IntegrationTest
class OrderingBrowserTest extends BrowserTest {

    @Override
    protected String screenshotName() {
        return "browser-ordering.png";
    }

    @Test
    void aMemberOrdersThreeProductsAndSeesThePoolThenTheCoordinatorSeesTheTotals() {
        TestGroupement groupement = groupements.create("Réseau commande navigateur");
        Http api = new Http(port);
        String products = "/api/suppliers/" + groupement.supplierId() + "/products";
        String carrots = product(api, groupement, products, "CAR", "Carottes", "6", "2.00", "[{\"from\":\"12\",\"price\":\"1.80\"}]");
        String apples = product(api, groupement, products, "POM", "Pommes", "12", "2.60", "[]");
        String eggs = product(api, groupement, products, "OEU", "Œufs", "10", "0.40", "[]");
        String round = api.postJson("/api/rounds", groupement.coordinator(), PASSWORD, """
                {"title":"Commande de la semaine","closesAt":"%s","deliveryDate":"%s","deliveryPlace":"Entrepôt"}"""
                .formatted(OffsetDateTime.now(ZoneOffset.UTC).plusDays(4).withNano(0), LocalDate.now().plusDays(6)))
                .json().get("id").asString();
        api.putJson("/api/rounds/" + round + "/terms", groupement.coordinator(), PASSWORD,
                "{\"suppliers\":[\"" + groupement.supplierId() + "\"]}");
        api.postJson("/api/rounds/" + round + "/open", groupement.coordinator(), PASSWORD, "");

        logIn(groupement.member());
        browser.findElement(By.linkText("Campagnes d'achat")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Commande de la semaine"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Ma commande"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.order-form")));

        type(quantityFor("Carottes"), "7");
        wait.until(driver -> pooled(carrots).startsWith("7 "));
        assertThat(previewRow(carrots)).contains("encore 5 pour remplir le colis entamé");
        type(quantityFor("Pommes"), "12");
        wait.until(driver -> pooled(apples).startsWith("12 "));
        type(quantityFor("Œufs"), "30");
        wait.until(driver -> pooled(eggs).startsWith("30 "));
        type(toleranceFor("Carottes"), "5");
        wait.until(driver -> previewRow(carrots).contains("2 × 6"));
        assertThat(previewRow(carrots)).contains("1,80 €");

        browser.findElement(By.cssSelector(".user-box button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        logIn(groupement.coordinator());
        browser.get("http://localhost:" + port + "/rounds/" + round);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
        assertThat(previewRow(carrots)).contains("7 (+5)").contains("2 × 6");
        assertThat(previewRow(eggs)).contains("30 (+0)").contains("3 × 10");
        assertThat(browser.findElement(By.cssSelector("#preview .pool-amount")).getText()).contains("64,80");
    }

    private void logIn(String username) {
        Browser.logIn(browser, wait, port, username);
    }

    private WebElement quantityFor(String product) {
        return browser.findElement(By.xpath("//tr[th/span[normalize-space()='" + product + "']]//input[contains(@name, '.quantity')]"));
    }

    private WebElement toleranceFor(String product) {
        return browser.findElement(By.xpath("//tr[th/span[normalize-space()='" + product + "']]//input[contains(@name, '.tolerance')]"));
    }

    private void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value, Keys.TAB);
    }

    private String previewRow(String productId) {
        return browser.findElement(By.cssSelector("#preview tr[data-product-id='" + productId + "']")).getText();
    }

    private String pooled(String productId) {
        return browser.findElement(By.cssSelector("#preview tr[data-product-id='" + productId + "'] td")).getText();
    }

    private static String product(Http api, TestGroupement groupement, String path, String reference, String name, String caseSize,
                                  String price, String tiers) {
        return api.postJson(path, groupement.coordinator(), PASSWORD, """
                {"reference":"%s","name":"%s","category":"Épicerie","saleUnit":"PIECE","caseSize":"%s","vatRate":"5.5",
                 "unitPrice":"%s","tiers":%s}""".formatted(reference, name, caseSize, price, tiers)).json().get("id").asString();
    }
}
