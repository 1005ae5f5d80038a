package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One row of a catalog import: creates the product if its reference is new, otherwise records only what changed
 * (details, price from now, availability). Importing the same file twice changes nothing the second time.
 */
public record ImportProductCommand(@TargetAggregateIdentifier ProductId productId, GroupementId groupementId,
                                   SupplierId supplierId, String reference, ProductDetails details, ProductPrice price,
                                   boolean available) implements GroupementScoped {
}
