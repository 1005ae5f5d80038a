package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What arrived of a supplier order, per product (weighed goods: the actual weight). Recording again replaces the
 * previous figures (a correction). Lines not given arrived as ordered.
 */
public record RecordReceptionCommand(@TargetAggregateIdentifier SupplierOrderId supplierOrderId, GroupementId groupementId,
                                     RoundId roundId, SupplierId supplierId, Map<ProductId, Quantity> delivered)
        implements GroupementScoped {
}
