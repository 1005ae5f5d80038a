package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator refused the request for this reason. */
@Revision("1")
public record ListingRequestRefusedEvent(ListingRequestId requestId, GroupementId groupementId, String reason, Instant refusedAt) {
}
