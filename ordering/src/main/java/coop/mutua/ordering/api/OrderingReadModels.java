package coop.mutua.ordering.api;

/**
 * The names of ordering's tracking projections, for a caller that must read its own write (ProjectionCatchUp): wait
 * for {@link #ROUNDS} with a round's id, for {@link #SUPPLIER_ORDERS} with a supplier order's id.
 */
public final class OrderingReadModels {

    /** The purchase rounds (purchase_round): status, terms, offer, failures. */
    public static final String ROUNDS = "ordering-rounds";
    /** The supplier orders after pooling: confirmations, changes reported, receptions and members' received shares. */
    public static final String SUPPLIER_ORDERS = "ordering-supplier-orders";

    private OrderingReadModels() {
    }
}
