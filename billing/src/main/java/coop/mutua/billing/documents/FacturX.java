package coop.mutua.billing.documents;

import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.InvoiceDocument.Party;
import coop.mutua.billing.api.InvoiceContent;
import coop.mutua.catalog.api.VatRegime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import javax.xml.transform.TransformerFactory;
import java.util.List;
import org.mustangproject.Allowance;
import org.mustangproject.Charge;
import org.mustangproject.IncludedNote;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Turns a member invoice into a Factur-X EN 16931 document: the PDF rendered by {@link InvoicePdf}, made PDF/A-3 with
 * the CII XML embedded (Mustang). The XML states exactly the document's amounts: every line's quantity and net price
 * round to its amount, and Mustang's totals (VAT per rate on the sum of lines, charges and allowances) are the draft's.
 *
 * <p>VAT categories: S (standard, at the line's rate) for a VAT-registered groupement; E (exempt) with the art. 293 B
 * mention as the reason for one under the franchise, and with the non-profit exemption (art. 261-7-1° du CGI) for one
 * that is not subject to VAT. (Category O would say "outside the scope of VAT", but Mustang 2.25.0's own arithmetic
 * check cannot read the invoices it writes with it: ADR 9.)
 */
public final class FacturX {

    static {
        // Mustang's XMP serialiser asks TransformerFactory.newInstance() for every document, which scans every jar's
        // service files each time (a quarter of the time spent per invoice). Pinning the implementation it finds makes
        // the lookup direct; the implementation stays the same.
        String key = TransformerFactory.class.getName();
        if (System.getProperty(key) == null) {
            System.setProperty(key, TransformerFactory.newInstance().getClass().getName());
        }
    }

    private static final String PROFILE = "EN16931";
    /** Legal registration schemes (ISO 6523): 0002 SIRENE (SIREN), 0009 SIRET. */
    private static final String SIREN_SCHEME = "0002";

    private FacturX() {
    }

    public static byte[] of(InvoiceDocument invoice) {
        return attach(InvoicePdf.render(invoice), invoice);
    }

    static byte[] attach(byte[] pdf, InvoiceDocument invoice) {
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3().setProducer("Mutua").setCreator("Mutua")
                .setProfile(Profiles.getByName(PROFILE)).load(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // The XML compressed in the file (PDF/A-3 allows it): a 50-line invoice's file is a quarter of the size.
            exporter.setEnablePDFAttachmentCompression(true);
            exporter.setXML(xml(invoice));
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CII XML, as Mustang writes it. Given the transaction, Mustang's exporter would parse the XML it has just
     * written and write it again indented (40 % of the Factur-X step for an invoice of 50 lines); the same XML,
     * unindented, is attached instead.
     */
    static byte[] xml(InvoiceDocument invoice) {
        UnindentedXml provider = new UnindentedXml();
        provider.setProfile(Profiles.getByName(PROFILE));
        provider.generateXML(transaction(invoice));
        return provider.written();
    }

    private static final class UnindentedXml extends ZUGFeRD2PullProvider {
        byte[] written() {
            return zugferdData;
        }
    }

    static Invoice transaction(InvoiceDocument invoice) {
        InvoiceContent draft = invoice.draft();
        Invoice transaction = new Invoice()
                .setNumber(invoice.number())
                .setIssueDate(date(invoice.issueDate()))
                .setDeliveryDate(date(invoice.sale().deliveryDate()))
                .setCurrency("EUR")
                .setSender(party(invoice.seller(), invoice.parties().sellerRegime() == VatRegime.REGISTERED))
                .setRecipient(party(invoice.buyer(), true))
                .setReferenceNumber(invoice.sale().roundId());
        if (invoice.creditNote()) {
            transaction.setCreditNote();
            transaction.setInvoiceReferencedDocumentID(invoice.cancels().originalNumber());
            transaction.setInvoiceReferencedIssueDate(date(invoice.cancels().originalDate()));
        } else {
            transaction.setDueDate(date(invoice.payment().dueDate()));
        }
        // The French rules (BR-FR-05) want the three payment mentions as notes with their subject codes, too.
        transaction.setNotesWithSubjectCode(List.of(
                new IncludedNote(InvoiceDocument.RECOVERY_INDEMNITY, SubjectCode.PMT),
                new IncludedNote("Pénalités de retard : " + invoice.payment().latePaymentTerms(), SubjectCode.PMD),
                new IncludedNote(InvoiceDocument.NO_DISCOUNT, SubjectCode.AAB)));
        transaction.setPaymentTermDescription((invoice.creditNote() ? "" : "Échéance " + invoice.payment().dueDate() + ". " + InvoiceDocument.NO_DISCOUNT + ". ")
                + "Pénalités de retard : " + invoice.payment().latePaymentTerms() + ". " + InvoiceDocument.RECOVERY_INDEMNITY + ".");
        for (InvoiceContent.Item item : draft.items()) {
            BigDecimal quantity = item.amountCents() < 0 ? item.quantity().value().negate() : item.quantity().value();
            transaction.addItem(new Item(product(item, invoice.parties().sellerRegime()), item.netPrice(), quantity));
        }
        for (InvoiceContent.Charge charge : draft.charges()) {
            BigDecimal amount = BigDecimal.valueOf(Math.abs(charge.amountCents()), 2);
            if (charge.amountCents() >= 0) {
                Charge documentCharge = new Charge(amount).setReason(charge.reason());
                category(documentCharge, charge, invoice.parties().sellerRegime());
                transaction.addCharge(documentCharge);
            } else {
                Allowance allowance = new Allowance(amount);
                allowance.setReason(charge.reason());
                category(allowance, charge, invoice.parties().sellerRegime());
                transaction.addAllowance(allowance);
            }
        }
        return transaction;
    }

    private static void category(Charge charge, InvoiceContent.Charge line, VatRegime regime) {
        switch (regime) {
            case REGISTERED -> charge.setTaxPercent(line.rate().percent()).setCategoryCode("S");
            case FRANCHISE_293B -> charge.setTaxPercent(BigDecimal.ZERO).setCategoryCode("E");
            case NOT_REGISTERED -> charge.setTaxPercent(BigDecimal.ZERO).setCategoryCode("E");
        }
    }

    private static Product product(InvoiceContent.Item item, VatRegime regime) {
        Product product = new Product(item.description(), "", unit(item), regime == VatRegime.REGISTERED ? item.rate().percent() : BigDecimal.ZERO);
        product.setSellerAssignedID(item.productKey());
        switch (regime) {
            case REGISTERED -> product.setTaxCategoryCode("S");
            case FRANCHISE_293B -> product.setTaxCategoryCode("E").setTaxExemptionReason(InvoiceDocument.FRANCHISE_MENTION);
            case NOT_REGISTERED -> product.setTaxCategoryCode("E").setTaxExemptionReason(InvoiceDocument.NOT_REGISTERED_MENTION);
        }
        return product;
    }

    /** UN/ECE recommendation 20 unit code of the line; C62 ("one") for the groupement fee. */
    private static String unit(InvoiceContent.Item item) {
        return item.unit() == null ? "C62" : item.unit();
    }

    private static TradeParty party(Party party, boolean withVatNumber) {
        TradeParty tradeParty = new TradeParty(party.name(), party.address().street(), party.address().postalCode(),
                party.address().city(), party.address().country());
        tradeParty.setLegalOrganisation(new LegalOrganisation(party.siren(), SIREN_SCHEME));
        if (withVatNumber && party.vatNumber() != null && !party.vatNumber().isBlank()) {
            tradeParty.setVATID(party.vatNumber());
        } else if (!withVatNumber) {
            // A seller that charges no VAT still names its tax registration (BT-32): a French company's SIREN.
            tradeParty.setTaxID(party.siren());
        }
        if (party.email() != null && !party.email().isBlank()) {
            tradeParty.setEmail(party.email());
        }
        return tradeParty;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
