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
        wait.until(driver -> line(carrots).contains("Groupe : 7 pièce(s)"));
        assertThat(line(carrots)).as("what the member would get, and why, at the line")
                .contains("Vous recevriez 6 pièce(s) sur 7 pièce(s) : 1 pièce(s) ne seraient pas servis")
                .contains("encore 5 pièce(s)");
        type(quantityFor("Pommes"), "12");
        wait.until(driver -> line(apples).contains("Groupe : 12 pièce(s)"));
        type(quantityFor("Œufs"), "30");
        wait.until(driver -> line(eggs).contains("Groupe : 30 pièce(s)"));
        type(toleranceFor("Carottes"), "5");
        wait.until(driver -> line(carrots).contains("→ 2 × 6 pièce(s)"));
        assertThat(line(carrots)).contains("Vous recevriez 12 pièce(s) au lieu de 7 pièce(s)");
        wait.until(driver -> text("my-total").equals("64,80 €"));
        assertThat(text("my-total-incl-vat")).as("5.5 %% VAT on the sum").isEqualTo("68,36 €");
        assertThat(text("my-savings")).as("the 12-piece tier on carrots").isEqualTo("2,40 €");

        type(quantityFor("Pommes"), "douze");
        wait.until(driver -> !text("line-error-" + apples).isEmpty());
        assertThat(text("line-error-" + apples)).contains("Non enregistré").contains("douze");
        assertThat(text("order-summary")).contains("Une ligne n'est pas enregistrée");
        type(quantityFor("Œufs"), "40");
        wait.until(driver -> line(eggs).contains("Groupe : 40 pièce(s)"));
        assertThat(line(apples)).as("the refused line keeps what was saved").contains("Groupe : 12 pièce(s)");
        type(quantityFor("Œufs"), "30");
        type(quantityFor("Pommes"), "12");
        wait.until(driver -> text("line-error-" + apples).isEmpty() && line(eggs).contains("Groupe : 30 pièce(s)"));

        browser.findElement(By.cssSelector(".user-box button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        logIn(groupement.coordinator());
        browser.get("http://localhost:" + port + "/rounds/" + round);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
        assertThat(previewRow(carrots)).contains("7 pièce(s) (+5)").contains("2 × 6 pièce(s)");
        assertThat(previewRow(eggs)).contains("30 pièce(s) (+0)").contains("3 × 10 pièce(s)");
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

    /** Types over the field's value as a person does (select all, type, leave): one change event, not two. */
    private void type(WebElement input, String value) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    private String previewRow(String productId) {
        return browser.findElement(By.cssSelector("#preview tr[data-product-id='" + productId + "']")).getText();
    }

    /** A line's outlook on the order page: the pool, what the member would receive, what would unlock more. */
    private String line(String productId) {
        return browser.findElement(By.id("line-" + productId)).getText();
    }

    /** An element's text, no-break spaces as plain ones. */
    private String text(String id) {
        return browser.findElement(By.id(id)).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static String product(Http api, TestGroupement groupement, String path, String reference, String name, String caseSize,
                                  String price, String tiers) {
        return api.postJson(path, groupement.coordinator(), PASSWORD, """
                {"reference":"%s","name":"%s","category":"Épicerie","saleUnit":"PIECE","caseSize":"%s","vatRate":"5.5",
                 "unitPrice":"%s","tiers":%s}""".formatted(reference, name, caseSize, price, tiers)).json().get("id").asString();
    }
}
