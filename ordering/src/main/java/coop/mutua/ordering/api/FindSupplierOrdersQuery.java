package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import java.util.Set;

/**
 * Supplier orders of a groupement: of one round and/or one order when given (null: all); shares included or not. With a
 * supplier, that supplier's own view: only the orders sent to it (not those below its minimum awaiting the coordinator,
 * nor those the coordinator cancelled). With statuses, only orders in one of them (null: any).
 */
public record FindSupplierOrdersQuery(GroupementId groupementId, RoundId roundId, SupplierId supplierId, SupplierOrderId orderId,
                                      boolean withShares, Set<SupplierOrderStatus> statuses) {

    /** Orders in any status. */
    public FindSupplierOrdersQuery(GroupementId groupementId, RoundId roundId, SupplierId supplierId, SupplierOrderId orderId,
                                   boolean withShares) {
        this(groupementId, roundId, supplierId, orderId, withShares, null);
    }

    public FindSupplierOrdersQuery {
        statuses = statuses == null ? null : Set.copyOf(statuses);
    }
}
