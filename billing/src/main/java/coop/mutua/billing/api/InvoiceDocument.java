package coop.mutua.billing.api;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.VatRegime;
import java.time.LocalDate;

/**
 * Everything a member invoice (or credit note) shows, frozen at issue: the parties as they were, the numbers, the dates,
 * the lines and totals. Rendered to a PDF and a Factur-X; never recomputed from anything that may change later.
 *
 * @param creditNote       a credit note cancelling {@code originalNumber} of {@code originalDate}
 * @param deliveryDate     the date of the sale (the round's delivery)
 * @param latePaymentTerms the late-payment penalty rate, as the groupement states it
 */
public record InvoiceDocument(String number, boolean creditNote, String originalNumber, LocalDate originalDate,
                              LocalDate issueDate, LocalDate dueDate, LocalDate deliveryDate, String roundTitle, String roundId,
                              Party seller, VatRegime sellerRegime, Party buyer, InvoiceContent draft,
                              String latePaymentTerms, String creditReason) {

    /** A legal person as invoices name it. */
    public record Party(String name, String siret, String vatNumber, Address address, String email) {

        public String siren() {
            return siret == null || siret.length() < 9 ? siret : siret.substring(0, 9);
        }
    }

    /** The mention a groupement under the franchise must print, word for word. */
    public static final String FRANCHISE_MENTION = "TVA non applicable, art. 293 B du CGI";
    /** The mention of a seller outside the scope of VAT. */
    public static final String NOT_REGISTERED_MENTION = "TVA non applicable : organisme non assujetti, art. 261-7-1° du CGI";
    /** The fixed recovery indemnity every late-paying professional owes (Code de commerce, L441-10 and D441-5). */
    public static final String RECOVERY_INDEMNITY = "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €";
    public static final String NO_DISCOUNT = "Pas d'escompte pour paiement anticipé";

    public String title() {
        return creditNote ? "Avoir" : "Facture";
    }

    public String vatMention() {
        return switch (sellerRegime) {
            case REGISTERED -> null;
            case FRANCHISE_293B -> FRANCHISE_MENTION;
            case NOT_REGISTERED -> NOT_REGISTERED_MENTION;
        };
    }
}
