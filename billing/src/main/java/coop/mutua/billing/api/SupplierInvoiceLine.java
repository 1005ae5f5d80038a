package coop.mutua.billing.api;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;

/** A line of a supplier invoice as the supplier states it: amount excl. VAT = quantity x unit price, to the cent. */
public record SupplierInvoiceLine(ProductId productId, String label, Quantity quantity, UnitPrice unitPrice, VatRate vatRate,
                                  Money amountExclVat) {
}
