package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The supplier reports, before delivery, that a line will change: out of stock, a substitute (note required), or a new
 * quantity (required, not negative). The coordinator sees it; reception records what actually arrives.
 */
public record ReportSupplierChangeCommand(@TargetAggregateIdentifier SupplierOrderId supplierOrderId, GroupementId groupementId,
                                          RoundId roundId, SupplierId supplierId, ProductId productId, SupplierChange change,
                                          Quantity newQuantity, String note) implements GroupementScoped {
}
