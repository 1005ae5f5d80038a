package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes what a product is and how it is ordered (not its price: see {@link ChangeProductPriceCommand}). */
public record UpdateProductCommand(@TargetAggregateIdentifier ProductId productId, GroupementId groupementId,
                                   SupplierId supplierId, ProductDetails details) implements GroupementScoped {
}
