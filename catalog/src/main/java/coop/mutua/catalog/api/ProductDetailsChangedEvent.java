package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.serialization.Revision;

/** A product's description or ordering constraints changed. */
@Revision("1")
public record ProductDetailsChangedEvent(ProductId productId, GroupementId groupementId, SupplierId supplierId,
                                         ProductDetails details) {
}
