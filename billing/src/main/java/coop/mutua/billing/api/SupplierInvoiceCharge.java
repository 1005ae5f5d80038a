package coop.mutua.billing.api;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.VatRate;

/** A charge of the whole supplier invoice (delivery fee: positive) or an allowance (discount: negative), excl. VAT. */
public record SupplierInvoiceCharge(String reason, VatRate vatRate, Money amountExclVat) {

    /** The delivery fee as invoices state it: "Livraison", at the standard rate. */
    public static SupplierInvoiceCharge delivery(Money fee) {
        return new SupplierInvoiceCharge("Livraison", VatRate.STANDARD, fee);
    }
}
