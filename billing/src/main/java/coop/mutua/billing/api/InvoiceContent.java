package coop.mutua.billing.api;

import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.VatRate;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a member invoice (or credit note) bills: its lines, document-level charges and allowances, VAT per rate and
 * totals, in cents. Computed once at issue (see {@code MemberInvoiceDrafts}) and carried as it is by the issuing event:
 * documents and read models never recompute it.
 */
public record InvoiceContent(List<Item> items, List<Charge> charges, List<VatBreakdown> vat, long linesCents,
                             long chargesCents, long allowancesCents, long baseCents, long vatCents, long totalCents) {

    /**
     * An invoice line; {@code rate} is null when no VAT is charged. {@code |amount| == round(quantity x netPrice)};
     * {@code unit} is the UN/ECE code of the sale unit (null: "one").
     */
    public record Item(String productKey, String description, Quantity quantity, BigDecimal netPrice, VatRate rate,
                       long amountCents, String unit) {
    }

    /** A document-level charge (positive) or allowance (negative); {@code rate} null when no VAT is charged. */
    public record Charge(String reason, VatRate rate, long amountCents) {
    }

    /** Base and VAT of one rate ({@code rate} null: the exempt base of a groupement that charges no VAT). */
    public record VatBreakdown(VatRate rate, long baseCents, long vatCents) {
    }
}
