package coop.mutua.billing.api;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;

/**
 * One way a supplier invoice differs from what was ordered and received (three-way match), for the coordinator to accept
 * or dispute. Fields that do not apply to the kind are null.
 */
public record InvoiceDifference(Kind kind, ProductId productId, String label, Quantity ordered, Quantity received,
                                Quantity invoiced, UnitPrice orderedPrice, UnitPrice invoicedPrice, VatRate vatRate,
                                Money expected, Money stated) {

    public enum Kind {
        /** Invoiced, but not in the grouped order. */
        NOT_ORDERED,
        /** More invoiced than received (or than ordered, before reception). */
        MORE_THAN_RECEIVED,
        /** Less invoiced than received. */
        LESS_THAN_RECEIVED,
        /** Received (or ordered) but not invoiced. */
        NOT_INVOICED,
        /** A unit price other than the one of the order (the tier reached). */
        PRICE,
        /** A line amount that is not its quantity times its unit price, rounded to the cent. */
        LINE_AMOUNT,
        /** A VAT total of a rate that is not the rate applied to that rate's base. */
        VAT
    }
}
