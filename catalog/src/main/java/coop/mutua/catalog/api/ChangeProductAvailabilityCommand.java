package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes a product orderable again, or withdraws it from new rounds (out of season, out of stock). */
public record ChangeProductAvailabilityCommand(@TargetAggregateIdentifier ProductId productId, GroupementId groupementId,
                                               SupplierId supplierId, boolean available) implements GroupementScoped {
}
