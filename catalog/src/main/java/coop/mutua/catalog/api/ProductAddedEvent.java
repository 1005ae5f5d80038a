package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A product entered a supplier's catalog, available, with its list price and tiers in force from {@code effectiveAt}. */
@Revision("2")
public record ProductAddedEvent(ProductId productId, GroupementId groupementId, SupplierId supplierId, String reference,
                                ProductDetails details, ProductPrice price, Instant effectiveAt) {
}
