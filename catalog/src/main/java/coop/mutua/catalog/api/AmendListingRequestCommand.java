package coop.mutua.catalog.api;

import coop.mutua.kernel.ListingRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester answers the coordinator's question with corrected details, through its private link. */
public record AmendListingRequestCommand(@TargetAggregateIdentifier ListingRequestId requestId, ListingRequestDetails details) {
}
