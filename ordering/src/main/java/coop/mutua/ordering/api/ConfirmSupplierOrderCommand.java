package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The supplier confirms its grouped order (version) as sent. */
public record ConfirmSupplierOrderCommand(@TargetAggregateIdentifier SupplierOrderId supplierOrderId, GroupementId groupementId,
                                          RoundId roundId, SupplierId supplierId, int version) implements GroupementScoped {
}
