package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The requester corrected its request; it waits for the coordinator again. */
@Revision("1")
public record ListingRequestAmendedEvent(ListingRequestId requestId, GroupementId groupementId, ListingRequestDetails details, Instant amendedAt) {
}
