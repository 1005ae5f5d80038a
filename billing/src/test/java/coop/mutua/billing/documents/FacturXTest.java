package coop.mutua.billing.documents;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.billing.api.InvoiceContent;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.InvoiceDocument.Parties;
import coop.mutua.billing.api.InvoiceDocument.Party;
import coop.mutua.billing.api.InvoiceDocument.PaymentTerms;
import coop.mutua.billing.api.InvoiceDocument.Sale;
import coop.mutua.billing.domain.InvoiceSplit;
import coop.mutua.billing.domain.InvoiceSplit.MemberPart;
import coop.mutua.billing.domain.MemberInvoiceDrafts;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.VatRate;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Every kind of member invoice the groupements can issue is a completely valid Factur-X EN 16931 for Mustang's
 * validator (XML schema, EN 16931 and Factur-X schematron, PDF/A-3 by veraPDF), and its PDF text carries every
 * mandatory mention.
 */
public class FacturXTest {

    static final Party GROUPEMENT = new Party("Réseau ESS Gironde", "73282932000074", "FR44732829320",
            new Address("12 rue des Coopératives", "33000", "Bordeaux", "FR"), "contact@ess-gironde.example.org");
    static final Party MEMBER = new Party("Épicerie solidaire du Lac", "35600000000048", null,
            new Address("4 quai de l'Œuvre", "33300", "Bordeaux", "FR"), "epicerie@example.org");

    static InvoiceContent draft(VatRegime regime) {
        MemberPart part = new MemberPart(MemberId.of("00000000-0000-0000-0000-00000000000a"), List.of(
                new InvoiceSplit.MemberLine("carrots", "Carottes des sables (kg)", Quantity.of(5), new BigDecimal("1.85"), VatRate.REDUCED, 925, "KGM"),
                new InvoiceSplit.MemberLine("cheese", "Tomme de brebis (kg)", Quantity.of("2.06"), new BigDecimal("12.903"), VatRate.REDUCED, 2658, "KGM"),
                new InvoiceSplit.MemberLine("soap", "Savon de Marseille", Quantity.of(3), new BigDecimal("2.40"), VatRate.STANDARD, 720, "H87")),
                List.of(new InvoiceSplit.MemberAdjustment("Livraison Ferme du Lac", VatRate.STANDARD, 391),
                        new InvoiceSplit.MemberAdjustment("Remise volume", VatRate.REDUCED, -120)),
                Map.of(VatRate.REDUCED, 191L, VatRate.STANDARD, 222L));
        return MemberInvoiceDrafts.of(List.of(part), regime, new BigDecimal("2"), "Frais de fonctionnement du groupement (2 %)");
    }

    public static InvoiceDocument invoice(VatRegime regime, boolean credit) {
        Party seller = regime == VatRegime.REGISTERED ? GROUPEMENT
                : new Party(GROUPEMENT.name(), GROUPEMENT.siret(), null, GROUPEMENT.address(), GROUPEMENT.email());
        InvoiceDocument invoice = InvoiceDocument.invoice("2026-00001", LocalDate.of(2026, 11, 20), new Parties(seller, regime, MEMBER),
                new Sale("round-42", "Commande de novembre", LocalDate.of(2026, 11, 18)), draft(regime),
                new PaymentTerms(LocalDate.of(2026, 12, 20), "trois fois le taux d'intérêt légal"));
        return credit ? invoice.creditNote("2026-00002", LocalDate.of(2026, 11, 25), "erreur de quantité") : invoice;
    }

    @ParameterizedTest
    @EnumSource(VatRegime.class)
    void anInvoiceOfEveryRegimeIsACompletelyValidFacturX(VatRegime regime) throws IOException {
        assertValid(FacturX.of(invoice(regime, false)), regime + " invoice");
    }

    @ParameterizedTest
    @EnumSource(VatRegime.class)
    void aCreditNoteOfEveryRegimeIsACompletelyValidFacturX(VatRegime regime) throws IOException {
        assertValid(FacturX.of(invoice(regime, true)), regime + " credit note");
    }

    @Test
    void theInvoiceStatesEveryMandatoryMention() throws IOException {
        InvoiceDocument invoice = invoice(VatRegime.REGISTERED, false);
        String text = text(FacturX.of(invoice));

        assertThat(text).contains("Facture n° 2026-00001", "Date d'émission : 20/11/2026", "Date de livraison : 18/11/2026",
                "Réseau ESS Gironde", "12 rue des Coopératives", "SIREN 732829320", "SIRET 73282932000074", "FR44732829320",
                "Épicerie solidaire du Lac", "SIRET 35600000000048", "Commande de novembre",
                "Carottes des sables (kg)", "Quantité", "Prix unit. HT", "5,5 %", "9,25 €", "12,903",
                "Total HT", "Total TVA", "Total TTC", "Échéance : 20/12/2026", "trois fois le taux d'intérêt légal",
                "40 €", "Pas d'escompte");
        InvoiceContent draft = invoice.draft();
        assertThat(text).contains(InvoicePdf.cents(draft.baseCents()), InvoicePdf.cents(draft.vatCents()), InvoicePdf.cents(draft.totalCents()));
        assertThat(text).doesNotContain("293 B");
    }

    @Test
    void aFranchiseInvoiceSaysSoAndChargesNoVat() throws IOException {
        String text = text(FacturX.of(invoice(VatRegime.FRANCHISE_293B, false)));

        assertThat(text).contains("TVA non applicable, art. 293 B du CGI", "Total — net à payer").doesNotContain("Total TVA", "Total HT");
    }

    @Test
    void aCreditNoteCitesTheInvoiceItCancels() throws IOException {
        String text = text(FacturX.of(invoice(VatRegime.REGISTERED, true)));

        assertThat(text).contains("Avoir n° 2026-00002", "facture n° 2026-00001 du 20/11/2026", "erreur de quantité");
    }

    static void assertValid(byte[] pdf, String what) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, what.replace(' ', '-') + ".pdf");
        assertThat(validator.wasCompletelyValid()).as(what + ":\n" + report).isTrue();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
