package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A row of a catalog import whose reference the supplier's catalog does not hold yet: creates the product without
 * first looking for it (the import checks a whole chunk's references at once). Same outcome as
 * {@link ImportProductCommand} on a new reference.
 */
public record ImportNewProductCommand(@TargetAggregateIdentifier ProductId productId, GroupementId groupementId,
                                      SupplierId supplierId, String reference, ProductDetails details,
                                      ProductPrice price, boolean available) implements GroupementScoped {
}
