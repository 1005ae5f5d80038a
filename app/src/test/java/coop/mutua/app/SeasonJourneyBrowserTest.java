package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.OrderPage;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A season from the pages only, as the people who run it: the coordinator creates a round, gives it its terms, opens
 * it; a member orders on a phone; the coordinator closes the round and watches the supplier orders appear, decides on
 * the one below its supplier's minimum; the supplier downloads its purchase order and confirms; the coordinator records
 * the receptions and the supplier invoices, issues the members' invoices and watches the progress. Only the catalog
 * is set up through the API. The key pages are pictured at 1366 and 390 px in target/screenshots/.
 */
@IntegrationTest
class SeasonJourneyBrowserTest extends BrowserTest {

    @Override
    protected String screenshotName() {
        return "screenshots/journey-last-page.png";
    }

    private OrderPage order;

    @BeforeEach
    void orderPage() {
        order = new OrderPage(browser);
    }

    @Test
    void aCoordinatorRunsASeasonFromThePagesWithAMemberOnAPhoneAndASupplier() {
        TestGroupement groupement = groupements.create("Réseau saison");
        Http api = new Http(port);
        String apples = product(api, groupement, groupement.supplierId().value(), "POM", "Pommes", "KG", "5", "2.00");
        String mill = api.postJson("/api/suppliers", groupement.coordinator(), PASSWORD, """
                {"name":"Moulin de la Lizonne","siret":"73282932000074","address":{"street":"1 rue du Moulin","postalCode":"24100","city":"Creysse"},
                 "location":"44.85, 0.56","orderEmail":"moulin@example.org","minimumOrder":"500.00"}""").json().get("id").asString();
        product(api, groupement, mill, "FAR", "Farine de blé T65", "PIECE", "1", "30.00");

        String roundPage = theCoordinatorCreatesTheRoundGivesItsTermsAndOpensIt(groupement, mill);
        aMemberOrdersOnAPhoneSeeingWhatEachLineWouldBring(groupement, apples);
        theCoordinatorClosesTheRoundAndDecidesOnTheOrderBelowItsMinimum(groupement, roundPage);
        theSupplierDownloadsItsPurchaseOrderAndConfirms(groupement);
        theCoordinatorRecordsReceptionsAndSupplierInvoicesThenIssuesTheMembersInvoices(groupement, mill, roundPage);
    }

    /** Through the round creation page, its terms (both suppliers) and the opening; answers the round's page. */
    private String theCoordinatorCreatesTheRoundGivesItsTermsAndOpensIt(TestGroupement groupement, String mill) {
        logIn(groupement.coordinator());
        browser.findElement(By.linkText("Campagnes d'achat")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Nouvelle campagne"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title"))).sendKeys("Saison d'hiver");
        setValue(By.id("closesAt"), LocalDate.now().plusDays(5) + "T18:00");
        setValue(By.id("deliveryDate"), LocalDate.now().plusDays(8).toString());
        browser.findElement(By.id("deliveryPlace")).sendKeys("Centre social Saint-Michel");
        browser.findElement(By.xpath("//button[normalize-space()='Créer la campagne']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "créée en brouillon"));
        String roundPage = browser.getCurrentUrl();
        assertThat(roundPage).as("the new round's own page").matches(".*/rounds/[0-9a-f-]{36}$");
        browser.findElement(By.id("supplier-" + groupement.supplierId().value())).click();
        browser.findElement(By.id("supplier-" + mill)).click();
        browser.findElement(By.xpath("//form[contains(@action, '/terms')]//button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "enregistr"));
        picture("1-coordinator-draft-round");
        clickAndConfirm(By.xpath("//button[normalize-space()='Ouvrir la campagne']"), "Ouvrir la campagne ?");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .status"), "Ouverte"));

        return roundPage;
    }

    /** The menu folds, each line says what the member would receive, the page fits the phone. */
    private void aMemberOrdersOnAPhoneSeeingWhatEachLineWouldBring(TestGroupement groupement, String apples) {
        browser.manage().deleteAllCookies();
        phone();
        logIn(groupement.member());
        browser.findElement(By.cssSelector(".menu-toggle")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Campagnes d'achat"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Saison d'hiver"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Ma commande"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.order-form")));
        order.type(order.quantityFor("Pommes"), "12");
        wait.until(driver -> order.line(apples).contains("Vous recevriez 10 kg sur 12 kg"));
        order.type(order.toleranceFor("Pommes"), "3");
        wait.until(driver -> order.line(apples).contains("Vous recevriez 15 kg au lieu de 12 kg"));
        order.type(order.quantityFor("Farine de blé T65"), "4");
        wait.until(driver -> browser.findElement(By.id("my-total")).getText().replace('\u00a0', ' ').equals("150,00 €"));
        assertThat(widthOfPage()).as("the order page fits a phone").isLessThanOrEqualTo(390);
        assertThat(browser.findElement(By.cssSelector("td[data-label] input[name$='.quantity']")).isDisplayed()).isTrue();
        picture("2-member-order-on-a-phone");
        desktop();
    }

    /** The page follows the pooling and shows the supplier orders by itself; the mill's is below its minimum. */
    private void theCoordinatorClosesTheRoundAndDecidesOnTheOrderBelowItsMinimum(TestGroupement groupement, String roundPage) {
        browser.manage().deleteAllCookies();
        logIn(groupement.coordinator());
        browser.get(roundPage);
        clickAndConfirm(By.xpath("//button[normalize-space()='Clôturer maintenant']"), "Clôturer la campagne maintenant ?");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supplier-orders-title")));
        assertThat(browser.findElements(By.id("follow-work"))).as("no polling once the work is done").isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Moulin de la Lizonne").contains("Sous le minimum");
        picture("3-coordinator-pooled-round");
        clickAndConfirm(By.cssSelector("form.decision button"), "Confirmer la commande à Moulin de la Lizonne");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "confirmée"));
        assertThat(browser.findElements(By.cssSelector("form.decision"))).as("the decision is made").isEmpty();
    }

    /** With its page session, from the supplier portal. */
    private void theSupplierDownloadsItsPurchaseOrderAndConfirms(TestGroupement groupement) {
        browser.manage().deleteAllCookies();
        logIn(groupement.supplier());
        browser.findElement(By.linkText("Commandes groupées")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#supplier-orders a"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-lines")));
        String pdf = browser.findElement(By.linkText("Bon de commande (PDF)")).getAttribute("href");
        assertThat(fetch(pdf)).as("the PDF with the page's session").isEqualTo("200 application/pdf");
        browser.findElement(By.xpath("//button[normalize-space()='Confirmer la commande']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Commande confirmée"));
        picture("4-supplier-confirmed-order");
    }

    /** What arrived for both orders, both supplier invoices, then the members' invoices and their progress. */
    private void theCoordinatorRecordsReceptionsAndSupplierInvoicesThenIssuesTheMembersInvoices(TestGroupement groupement, String mill,
                                                                                             String roundPage) {
        browser.manage().deleteAllCookies();
        logIn(groupement.coordinator());
        for (String supplier : List.of(groupement.supplierId().value(), mill)) {
            browser.findElement(By.linkText("Commandes groupées")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#supplier-orders tr[data-supplier-id='" + supplier + "'] a"))).click();
            WebElement delivered = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reception-form input[type=text]")));
            delivered.clear();
            delivered.sendKeys(supplier.equals(mill) ? "4" : "15");
            clickAndConfirm(By.xpath("//button[normalize-space()='Enregistrer la réception']"), "Enregistrer ces quantités comme reçues ?");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Réception enregistrée"));
        }
        browser.get(roundPage + "/billing");
        for (int order = 0; order < 2; order++) {
            WebElement number = wait.until(driver -> driver.findElements(By.cssSelector("form.supplier-invoice-form input[name=number]"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            number.sendKeys("FACT-" + order);
            number.findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Facture fournisseur enregistrée"));
        }
        picture("5-coordinator-billing");
        clickAndConfirm(By.id("issue-invoices"), "Émettre les factures des adhérents ?");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoicing-progress"), "Émise : 1 facture."));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("follow-work")));
        assertThat(browser.findElement(By.id("member-invoices")).getText()).contains("Émise");
        picture("6-coordinator-invoices-issued");
    }

    private void clickAndConfirm(By button, String question) {
        browser.findElement(button).click();
        assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).contains(question);
        browser.switchTo().alert().accept();
    }

    private void logIn(String username) {
        Browser.logIn(browser, wait, port, username);
    }

    private void setValue(By field, String value) {
        browser.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                browser.findElement(field), value);
    }

    private String fetch(String url) {
        return (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('content-type')));
                """, url);
    }

    private long widthOfPage() {
        return ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
    }

    private void phone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    private void desktop() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The page now shown, at 1366 and at 390 px, for a reviewer. */
    private void picture(String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            desktop();
            Files.write(folder.resolve(name + "-1366.png"), browser.getScreenshotAs(OutputType.BYTES));
            phone();
            Files.write(folder.resolve(name + "-390.png"), browser.getScreenshotAs(OutputType.BYTES));
            desktop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String product(Http api, TestGroupement groupement, String supplier, String reference, String name, String unit,
                                  String caseSize, String price) {
        return api.postJson("/api/suppliers/" + supplier + "/products", groupement.coordinator(), PASSWORD, """
                {"reference":"%s","name":"%s","category":"Épicerie","saleUnit":"%s","caseSize":"%s","vatRate":"5.5","unitPrice":"%s"}"""
                .formatted(reference, name, unit, caseSize, price)).json().get("id").asString();
    }
}
