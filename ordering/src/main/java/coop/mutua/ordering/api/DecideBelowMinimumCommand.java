package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The coordinator's decision on a supplier order below its supplier's minimum amount: confirm it (the delivery fee is
 * paid) or cancel that supplier's lines (members get none of them). Taken once per supplier order, by the order itself.
 */
public record DecideBelowMinimumCommand(@TargetAggregateIdentifier SupplierOrderId supplierOrderId, GroupementId groupementId,
                                        RoundId roundId, SupplierId supplierId, boolean confirm) implements GroupementScoped {
}
