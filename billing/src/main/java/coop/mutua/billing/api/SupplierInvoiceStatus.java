package coop.mutua.billing.api;

/** Where a supplier invoice stands: only MATCHED and ACCEPTED invoices are split between members. */
public enum SupplierInvoiceStatus {
    /** No difference with what was ordered and received. */
    MATCHED,
    /** Differences await the coordinator. */
    TO_REVIEW,
    /** The coordinator accepted its differences. */
    ACCEPTED,
    /** The coordinator disputes it: a corrected invoice (same number, recorded again) or a credit note is expected. */
    DISPUTED;

    public boolean billable() {
        return this == MATCHED || this == ACCEPTED;
    }
}
