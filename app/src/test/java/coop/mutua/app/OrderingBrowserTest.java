package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.OrderPage;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A member orders three products in a real browser and sees the pool change; the coordinator sees the pooled totals. */
@IntegrationTest
class OrderingBrowserTest extends BrowserTest {

    @Override
    protected String screenshotName() {
        return "browser-ordering.png";
    }

    private OrderPage order;

    @BeforeEach
    void orderPage() {
        order = new OrderPage(browser);
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

        order.type(order.quantityFor("Carottes"), "7");
        wait.until(driver -> order.line(carrots).contains("Groupe : 7 pièce(s)"));
        assertThat(order.line(carrots)).as("what the member would get, and why, at the line")
                .contains("Vous recevriez 6 pièce(s) sur 7 pièce(s) : 1 pièce(s) ne seraient pas servis")
                .contains("encore 5 pièce(s)");
        order.type(order.quantityFor("Pommes"), "12");
        wait.until(driver -> order.line(apples).contains("Groupe : 12 pièce(s)"));
        order.type(order.quantityFor("Œufs"), "30");
        wait.until(driver -> order.line(eggs).contains("Groupe : 30 pièce(s)"));
        order.type(order.toleranceFor("Carottes"), "5");
        wait.until(driver -> order.line(carrots).contains("→ 2 × 6 pièce(s)"));
        assertThat(order.line(carrots)).contains("Vous recevriez 12 pièce(s) au lieu de 7 pièce(s)");
        wait.until(driver -> order.text("my-total").equals("64,80 €"));
        assertThat(order.text("my-total-incl-vat")).as("5.5 %% VAT on the sum").isEqualTo("68,36 €");
        assertThat(order.text("my-savings")).as("the 12-piece tier on carrots").isEqualTo("2,40 €");

        order.type(order.quantityFor("Pommes"), "douze");
        wait.until(driver -> !order.text("line-error-" + apples).isEmpty());
        assertThat(order.text("line-error-" + apples)).contains("Non enregistré").contains("douze");
        assertThat(order.text("order-summary")).contains("Une ligne n'est pas enregistrée");
        order.type(order.quantityFor("Œufs"), "40");
        wait.until(driver -> order.line(eggs).contains("Groupe : 40 pièce(s)"));
        assertThat(order.line(apples)).as("the refused line keeps what was saved").contains("Groupe : 12 pièce(s)");
        order.type(order.quantityFor("Œufs"), "30");
        order.type(order.quantityFor("Pommes"), "12");
        wait.until(driver -> order.text("line-error-" + apples).isEmpty() && order.line(eggs).contains("Groupe : 30 pièce(s)"));

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

    private String previewRow(String productId) {
        return browser.findElement(By.cssSelector("#preview tr[data-product-id='" + productId + "']")).getText();
    }

    private static String product(Http api, TestGroupement groupement, String path, String reference, String name, String caseSize,
                                  String price, String tiers) {
        return api.postJson(path, groupement.coordinator(), PASSWORD, """
                {"reference":"%s","name":"%s","category":"Épicerie","saleUnit":"PIECE","caseSize":"%s","vatRate":"5.5",
                 "unitPrice":"%s","tiers":%s}""".formatted(reference, name, caseSize, price, tiers)).json().get("id").asString();
    }
}
