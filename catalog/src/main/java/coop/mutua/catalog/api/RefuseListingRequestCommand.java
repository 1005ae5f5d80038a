package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ListingRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator refuses the request, with the reason the requester is told. */
public record RefuseListingRequestCommand(@TargetAggregateIdentifier ListingRequestId requestId, GroupementId groupementId,
                                          String reason) implements GroupementScoped {
}
