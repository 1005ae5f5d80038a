package coop.mutua.ordering.api;

/** Where a purchase round stands in its lifecycle. */
public enum RoundStatus {
    /** Being prepared by the coordinator; invisible to members. */
    DRAFT,
    /** Members order until the deadline. */
    OPEN,
    /** Orders pooled into supplier orders. */
    CLOSED,
    /** Supplier orders sent. */
    ORDERED,
    /** Deliveries recorded. */
    RECEIVED,
    /** Member invoices issued. */
    INVOICED,
    /** Every member invoice paid. */
    SETTLED,
    /** Abandoned before closing. */
    CANCELLED
}
