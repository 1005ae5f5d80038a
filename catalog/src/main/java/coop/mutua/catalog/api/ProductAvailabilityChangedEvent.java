package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.serialization.Revision;

/** A product became available or unavailable for new rounds. */
@Revision("1")
public record ProductAvailabilityChangedEvent(ProductId productId, GroupementId groupementId, SupplierId supplierId,
                                              boolean available) {
}
