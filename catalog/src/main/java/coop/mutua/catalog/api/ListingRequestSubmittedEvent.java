package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A supplier asked a groupement to list it, with these details (checked). */
@Revision("1")
public record ListingRequestSubmittedEvent(ListingRequestId requestId, GroupementId groupementId, ListingRequestDetails details, String keyHash, Instant submittedAt) {
}
