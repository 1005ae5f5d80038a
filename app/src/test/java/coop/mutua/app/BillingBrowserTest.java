package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.catalog.api.VatRegime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: the coordinator records the supplier's invoice of a received round and issues the members'
 * invoices; the member finds its invoice and downloads the PDF, a valid Factur-X.
 */
@IntegrationTest
class BillingBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String screenshotName() {
        return "browser-billing.png";
    }

    @Test
    void theCoordinatorRecordsTheSupplierInvoiceAndIssuesInvoicesThenTheMemberDownloadsItsPdf() throws Exception {
        TestGroupement groupement = groupements.create("Réseau facturé", VatRegime.REGISTERED);
        Http api = new Http(port);
        String carrots = RoundsThroughApi.product(api, groupement.supplier(), groupement.supplierId(), RoundsThroughApi.CARROTS);
        String round = RoundsThroughApi.openRound(api, groupement, "Commande d'hiver", groupement.supplierId());
        api.putJson("/api/rounds/" + round + "/orders/" + groupement.memberId(), groupement.member(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"quantity\":\"12\"}]}");
        api.postJson("/api/rounds/" + round + "/close", groupement.coordinator(), PASSWORD, "");
        Eventually.equal(true, () -> jdbc.sql("SELECT pooled_at IS NOT NULL FROM purchase_round WHERE id = :id").param("id", round)
                .query(Boolean.class).single());
        String order = jdbc.sql("SELECT id FROM supplier_order WHERE round_id = :round").param("round", round).query(String.class).single();
        assertThat(api.postJson("/api/supplier-orders/" + order + "/reception", groupement.coordinator(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"delivered\":\"12\"}]}").status()).isEqualTo(200);

        theCoordinatorTypesThePaperSupplierInvoicePrefilledWithWhatArrived(groupement, round);
        String number = theCoordinatorIssuesTheInvoicesAndThePageFollowsTheJob(round);
        theRoundsReportShowsSpendAndShares();
        theMemberFindsItsInvoiceAndDownloadsAValidFacturX(groupement, api, number);
    }

    /** From the round to its billing page: the CSV format and a sample of this order's invoice, French decimals, VAT suggested. */
    private void theCoordinatorTypesThePaperSupplierInvoicePrefilledWithWhatArrived(TestGroupement groupement, String round) {
        Browser.logIn(browser, wait, port, groupement.coordinator());
        browser.get("http://localhost:" + port + "/rounds/" + round);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("billing-link"))).click();
        WebElement invoiceNumber = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("number")));
        // The page says the CSV format itself, and offers a sample of this order's invoice in it (with the page's session).
        String sample = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('.csv-format a').href, {credentials: 'same-origin'}).then(r => r.text()).then(done);
                """);
        assertThat(sample).startsWith("facture;").contains("\nligne;CAR-6;12;1,80;5,5;21,60\n").contains("\ntva;5,5;1,19\n");
        invoiceNumber.sendKeys("FERME-2026-118");
        assertThat(browser.findElement(By.name("quantity.0")).getAttribute("value")).isEqualTo("12");
        assertThat(browser.findElement(By.name("unitPrice.0")).getAttribute("value")).as("French decimals").isEqualTo("1,80");
        // 12 kg x 1.80 = 21.60; VAT 5.5 % = 1.19 (suggested, as printed on the invoice).
        assertThat(browser.findElement(By.name("vat.REDUCED")).getAttribute("value")).isEqualTo("1,19");
        browser.findElement(By.xpath("//button[normalize-space()='Enregistrer la facture']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Facture fournisseur enregistrée"));
        assertThat(browser.findElement(By.cssSelector("[data-supplier-invoice='FERME-2026-118']")).getText())
                .contains("Conforme").contains("22,79 €");
    }

    /** Confirmed first (irreversible); the page follows the job by itself and stops once the round is invoiced. */
    private String theCoordinatorIssuesTheInvoicesAndThePageFollowsTheJob(String round) {
        browser.findElement(By.id("issue-invoices")).click();
        assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).as("an irreversible action is confirmed first")
                .contains("Émettre les factures des adhérents ?");
        browser.switchTo().alert().accept();
        Eventually.equal(1L, () -> jdbc.sql("SELECT count(*) FROM member_invoice WHERE round_id = :round").param("round", round)
                .query(Long.class).single());
        // The page follows the job by itself (no reload by the user) and stops once the round is INVOICED.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("invoicing-progress"), "Émise : 1 facture."));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("follow-work")));
        assertThat(browser.findElements(By.id("issue-invoices"))).as("nothing left to issue").isEmpty();
        String number = jdbc.sql("SELECT number FROM member_invoice WHERE round_id = :round").param("round", round).query(String.class).single();
        assertThat(browser.findElement(By.id("member-invoices")).getText()).contains(number).contains("22,79 €").contains("Émise");
        return number;
    }

    private void theRoundsReportShowsSpendAndShares() throws Exception {
        browser.findElement(By.linkText("Rapports")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
        assertThat(browser.findElement(By.id("spend")).getText()).isEqualTo("21,60 €");
        assertThat(browser.findElement(By.id("shares-chart")).getText()).contains("Part locale").contains("100 %");
        browser.navigate().back();

        Files.write(Path.of("target", "browser-billing-coordinator.png"),
                browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Under "Factures", through its link and in its own session; another member's invoice is not within its reach. */
    private void theMemberFindsItsInvoiceAndDownloadsAValidFacturX(TestGroupement groupement, Http api, String number) {
        browser.manage().deleteAllCookies();
        Browser.logIn(browser, wait, port, groupement.member());
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Factures"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoices")));
        assertThat(browser.findElement(By.id("invoices")).getText()).contains(number).contains("Commande d'hiver").contains("22,79 €");
        String link = browser.findElement(By.cssSelector("[data-invoice='" + number + "'] .pdf-link")).getAttribute("href");
        String download = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async response => {
                  const bytes = new Uint8Array(await response.arrayBuffer());
                  let binary = '';
                  bytes.forEach(b => binary += String.fromCharCode(b));
                  done(response.headers.get('content-type') + '|' + response.headers.get('content-disposition') + '|' + btoa(binary));
                });""", link);
        String[] parts = download.split("\\|", 3);
        assertThat(parts[0]).isEqualTo("application/pdf");
        assertThat(parts[1]).contains("attachment").contains("facture-" + number + ".pdf");
        byte[] pdf = Base64.getDecoder().decode(parts[2]);
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "facture-" + number + ".pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        // Another member's invoice is not within its reach.
        assertThat(api.get("/api/member-invoices", groupement.member(), PASSWORD).json().size()).isEqualTo(1);
    }
}
