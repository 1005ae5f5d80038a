package coop.mutua.catalog.api;

import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;

/**
 * A product as catalog pages and other contexts see it, with the price in force at the time asked for and, if one
 * is scheduled, the next price and when it takes effect.
 */
public record ProductSummary(ProductId id, SupplierId supplierId, String reference, ProductDetails details,
                             ProductPrice price, Instant priceSince, ProductPrice nextPrice, Instant nextPriceAt,
                             boolean available) {
}
