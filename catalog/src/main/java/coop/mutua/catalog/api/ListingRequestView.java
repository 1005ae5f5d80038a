package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;

/**
 * A listing request as its groupement's coordinators review it: its details, where it stands, the last question asked,
 * the reason of a refusal, and the supplier it became once accepted.
 */
public record ListingRequestView(ListingRequestId id, GroupementId groupementId, String groupementName, ListingRequestStatus status,
                                 ListingRequestDetails details, String question, String refusalReason, SupplierId supplierId,
                                 Instant submittedAt, Instant updatedAt) {
}
