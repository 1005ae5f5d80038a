package coop.mutua.ordering.api;

/**
 * Where a grouped supplier order stands (DOMAIN.md): BELOW_MINIMUM (awaiting the coordinator's decision), SENT,
 * CONFIRMED (by the supplier), RECEIVED, INVOICED (the supplier's invoice recorded), or CANCELLED (by the coordinator
 * below the minimum, or an order of nothing). Each stage locks the earlier ones.
 */
public enum SupplierOrderStatus {
    BELOW_MINIMUM,
    SENT,
    CONFIRMED,
    RECEIVED,
    INVOICED,
    CANCELLED;

    /** Still to be delivered: what a round waits for before it is RECEIVED. */
    public boolean awaitingDelivery() {
        return this == BELOW_MINIMUM || this == SENT || this == CONFIRMED;
    }
}
