package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.NodeRound;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A member searches the ESS directory in a real browser: labels, text and distance narrow the results as they change. */
@IntegrationTest
class DirectoryBrowserTest extends BrowserTest {

    @Override
    protected String screenshotName() {
        return "browser-directory.png";
    }

    @Test
    void aMemberNarrowsTheDirectoryByLabelTextAndDistance() {
        TestGroupement groupement = groupements.create("Réseau annuaire");
        Http api = new Http(port);
        String organic = supplier(api, groupement, "Maraîchers du Bourg", "[\"ORGANIC_AB\"]", "44.80, -0.55", "Légumes bio de saison");
        String soap = supplier(api, groupement, "Savonnerie d'insertion", "[\"IAE\"]", "44.88, -0.52", "Savons et lessives");
        product(api, groupement, organic, "POT-1", "Potimarron", "Légumes");
        product(api, groupement, soap, "SAV-1", "Savon noir liquide", "Entretien");

        Browser.logIn(browser, wait, port, groupement.member());
        browser.findElement(By.linkText("Fournisseurs")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
        assertThat(names()).contains("Maraîchers du Bourg", "Savonnerie d'insertion");

        browser.findElement(By.cssSelector("label[for=label-ORGANIC_AB]")).click();
        wait.until(driver -> names().equals(List.of("Maraîchers du Bourg")));
        wait.until(driver -> driver.findElement(By.cssSelector("#results .label-organic_ab")).getText().equals("Bio (AB)"));
        assertThat(browser.getCurrentUrl()).as("the filter is in the address, so it can be shared").contains("label=ORGANIC_AB");

        browser.findElement(By.cssSelector("label[for=label-ORGANIC_AB]")).click();
        wait.until(driver -> names().size() >= 2);
        browser.findElement(By.id("q")).sendKeys("savon noir");
        wait.until(driver -> names().equals(List.of("Savonnerie d'insertion")));
        wait.until(driver -> driver.findElement(By.cssSelector("#results .matching-products")).getText().contains("Savon noir liquide"));

        browser.findElement(By.id("q")).clear();
        browser.findElement(By.id("q")).sendKeys("zzz introuvable");
        wait.until(driver -> names().isEmpty());
        wait.until(driver -> driver.findElement(By.cssSelector("#results .empty")).getText().contains("Aucun fournisseur"));
    }

    private List<String> names() {
        return browser.findElements(By.cssSelector("#results .supplier-card h2")).stream().map(WebElement::getText).toList();
    }

    private static String supplier(Http api, TestGroupement groupement, String name, String labels, String location, String description) {
        return api.postJson("/api/suppliers", groupement.coordinator(), TestGroupements.PASSWORD, """
                {"name":"%s","siret":"%s","labels":%s,"address":{"street":"1 route","postalCode":"33000","city":"Bordeaux"},
                 "location":"%s","orderEmail":"contact@example.org","description":"%s"}""".formatted(name,
                        NodeRound.siret(name), labels, location, description))
                .json().get("id").asString();
    }

    private static void product(Http api, TestGroupement groupement, String supplier, String reference, String name, String category) {
        api.postJson("/api/suppliers/" + supplier + "/products", groupement.coordinator(), TestGroupements.PASSWORD, """
                {"reference":"%s","name":"%s","category":"%s","saleUnit":"KG","caseSize":"1","vatRate":"5.5","unitPrice":"2"}"""
                .formatted(reference, name, category));
    }
}
