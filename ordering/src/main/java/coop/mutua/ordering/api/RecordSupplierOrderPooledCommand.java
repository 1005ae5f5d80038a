package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The pooling wrote a supplier order, in the pooling's transaction: it starts BELOW_MINIMUM (awaiting the coordinator),
 * SENT, or CANCELLED (it orders nothing). Recorded once per supplier order.
 */
public record RecordSupplierOrderPooledCommand(@TargetAggregateIdentifier SupplierOrderId supplierOrderId, GroupementId groupementId,
                                               RoundId roundId, SupplierId supplierId, SupplierOrderStatus status)
        implements GroupementScoped {
}
