package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;

/**
 * Supplier orders of a groupement: of one round and/or one order when given (null: all); shares included or not. With a
 * supplier, that supplier's own view: only the orders sent to it (not those below its minimum awaiting the coordinator,
 * nor those the coordinator cancelled).
 */
public record FindSupplierOrdersQuery(GroupementId groupementId, RoundId roundId, SupplierId supplierId, SupplierOrderId orderId,
                                      boolean withShares) {
}
