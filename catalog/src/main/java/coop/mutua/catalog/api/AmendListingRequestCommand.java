package coop.mutua.catalog.api;

import coop.mutua.kernel.AddressedToGroupement;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester answers the coordinator's question with corrected details, through its private link (no account). */
public record AmendListingRequestCommand(@TargetAggregateIdentifier ListingRequestId requestId, GroupementId groupementId,
                                         ListingRequestDetails details) implements AddressedToGroupement {
}
