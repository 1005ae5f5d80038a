package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator accepted the request: the supplier is registered (or was already) as {@code supplierId} and listed. */
public record AcceptListingRequestCommand(@TargetAggregateIdentifier ListingRequestId requestId, GroupementId groupementId,
                                          SupplierId supplierId) implements GroupementScoped {
}
