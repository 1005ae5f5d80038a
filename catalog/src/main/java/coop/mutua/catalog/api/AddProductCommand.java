package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a product to a supplier's catalog; its price is in force from now. The id derives from the supplier and the
 * reference ({@link ProductIds}), so a second product with the same reference is refused.
 */
public record AddProductCommand(@TargetAggregateIdentifier ProductId productId, GroupementId groupementId,
                                SupplierId supplierId, String reference, ProductDetails details,
                                ProductPrice price) implements GroupementScoped {
}
