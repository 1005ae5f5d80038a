package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;

/** Supplier orders of a groupement: of one round and/or one supplier when given (null: all); shares included or not. */
public record FindSupplierOrdersQuery(GroupementId groupementId, RoundId roundId, SupplierId supplierId, String orderId,
                                      boolean withShares) {
}
