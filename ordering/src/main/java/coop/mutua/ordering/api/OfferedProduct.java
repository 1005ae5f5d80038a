package coop.mutua.ordering.api;

import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;

/** A product on offer in a round, with the details and price frozen when the round opened. */
public record OfferedProduct(ProductId productId, SupplierId supplierId, String reference, ProductDetails details,
                             ProductPrice price) {
}
