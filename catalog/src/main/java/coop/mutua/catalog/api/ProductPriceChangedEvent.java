package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A product's price and tiers change at {@code effectiveAt}; rounds opened before keep the price they froze. */
@Revision("1")
public record ProductPriceChangedEvent(ProductId productId, GroupementId groupementId, SupplierId supplierId,
                                       ProductPrice price, Instant effectiveAt) {
}
