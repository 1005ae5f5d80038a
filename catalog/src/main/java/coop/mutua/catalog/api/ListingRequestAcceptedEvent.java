package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator accepted the request; the supplier is registered as {@code supplierId} and listed. */
@Revision("1")
public record ListingRequestAcceptedEvent(ListingRequestId requestId, GroupementId groupementId, SupplierId supplierId, Instant acceptedAt) {
}
