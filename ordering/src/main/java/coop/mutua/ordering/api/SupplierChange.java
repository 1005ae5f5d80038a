package coop.mutua.ordering.api;

/** What a supplier reports about one line before delivery. */
public enum SupplierChange {
    /** Nothing of it will be delivered. */
    OUT_OF_STOCK,
    /** Another product will come instead (described in the note). */
    SUBSTITUTE,
    /** Another quantity will be delivered. */
    NEW_QUANTITY
}
