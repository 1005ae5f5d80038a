package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A groupement listed its supplier in the network directory (first, again, or as one more groupement), as checked. */
@Revision("1")
public record SupplierListedEvent(ListingId listingId, GroupementId groupementId, SupplierId supplierId, ListingDetails details,
                                  Instant listedAt) {
}
