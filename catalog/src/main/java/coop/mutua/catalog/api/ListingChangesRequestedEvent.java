package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator asked the requester for changes; the private link's key is now the one of {@code keyHash}. */
@Revision("1")
public record ListingChangesRequestedEvent(ListingRequestId requestId, GroupementId groupementId, String question, String keyHash, Instant requestedAt) {
}
