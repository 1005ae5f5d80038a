package coop.mutua.billing.api;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.VatRegime;
import java.time.LocalDate;

/**
 * Everything a member invoice (or credit note) shows, frozen at issue: the parties as they were, the numbers, the dates,
 * the lines and totals. Rendered to a PDF and a Factur-X; never recomputed from anything that may change later.
 * Built by {@link #invoice} and {@link #creditNote}; a credit note is the document it cancels with a new number, date
 * and {@link Cancellation}.
 *
 * @param number    its number in the groupement's series
 * @param issueDate the date it was issued
 * @param parties   who sells and who buys, and the seller's VAT regime
 * @param sale      what is invoiced: the round and its delivery
 * @param draft     the lines and totals
 * @param payment   when and on what terms it is paid
 * @param cancels   on a credit note, the invoice it cancels; {@code null} on an invoice
 */
public record InvoiceDocument(String number, LocalDate issueDate, Parties parties, Sale sale, InvoiceContent draft,
                              PaymentTerms payment, Cancellation cancels) {

    /** The mention a groupement under the franchise must print, word for word. */
    public static final String FRANCHISE_MENTION = "TVA non applicable, art. 293 B du CGI";
    /** The mention of a seller outside the scope of VAT. */
    public static final String NOT_REGISTERED_MENTION = "TVA non applicable : organisme non assujetti, art. 261-7-1° du CGI";
    /** The fixed recovery indemnity every late-paying professional owes (Code de commerce, L441-10 and D441-5). */
    public static final String RECOVERY_INDEMNITY = "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €";
    public static final String NO_DISCOUNT = "Pas d'escompte pour paiement anticipé";

    /** A legal person as invoices name it. */
    public record Party(String name, String siret, String vatNumber, Address address, String email) {

        public String siren() {
            return siret == null || siret.length() < 9 ? siret : siret.substring(0, 9);
        }
    }

    /** The seller (the groupement) under its VAT regime, and the buyer (the member). */
    public record Parties(Party seller, VatRegime sellerRegime, Party buyer) {
    }

    /**
     * The sale invoiced.
     *
     * @param deliveryDate the date of the sale (the round's delivery)
     */
    public record Sale(String roundId, String roundTitle, LocalDate deliveryDate) {
    }

    /**
     * @param dueDate          when an invoice is due; {@code null} on a credit note, which is not paid
     * @param latePaymentTerms the late-payment penalty rate, as the groupement states it
     */
    public record PaymentTerms(LocalDate dueDate, String latePaymentTerms) {
    }

    /**
     * What a credit note cancels: the invoice {@code originalNumber} of {@code originalDate}, entirely.
     *
     * @param reason the coordinator's reason, if one was given
     */
    public record Cancellation(String originalNumber, LocalDate originalDate, String reason) {
    }

    /** An invoice (not a credit note). */
    public static InvoiceDocument invoice(String number, LocalDate issueDate, Parties parties, Sale sale, InvoiceContent draft,
                                          PaymentTerms payment) {
        return new InvoiceDocument(number, issueDate, parties, sale, draft, payment, null);
    }

    /** The credit note numbered {@code creditNumber} cancelling this invoice entirely: same parties, sale and lines. */
    public InvoiceDocument creditNote(String creditNumber, LocalDate creditDate, String reason) {
        if (creditNote()) {
            throw new IllegalStateException("credit note " + number + " cannot itself be cancelled by a credit note");
        }
        return new InvoiceDocument(creditNumber, creditDate, parties, sale, draft, new PaymentTerms(null, payment.latePaymentTerms()),
                new Cancellation(number, issueDate, reason));
    }

    public boolean creditNote() {
        return cancels != null;
    }

    public Party seller() {
        return parties.seller();
    }

    public Party buyer() {
        return parties.buyer();
    }

    public String title() {
        return creditNote() ? "Avoir" : "Facture";
    }

    public String vatMention() {
        return switch (parties.sellerRegime()) {
            case REGISTERED -> null;
            case FRANCHISE_293B -> FRANCHISE_MENTION;
            case NOT_REGISTERED -> NOT_REGISTERED_MENTION;
        };
    }
}
