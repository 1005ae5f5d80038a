package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A groupement withdrew its listing; {@code withdrawn}: no groupement lists the supplier any more, it leaves the directory. */
@Revision("1")
public record SupplierUnlistedEvent(ListingId listingId, GroupementId groupementId, boolean withdrawn, Instant unlistedAt) {
}
