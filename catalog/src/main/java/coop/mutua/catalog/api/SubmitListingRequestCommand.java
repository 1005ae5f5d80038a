package coop.mutua.catalog.api;

import coop.mutua.kernel.AddressedToGroupement;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A supplier asks a groupement to list it in the network directory, through the public form (no login: not scoped to
 * the caller's groupement). {@code keyHash}: the SHA-256 of the private link's key, which only the requester holds.
 */
public record SubmitListingRequestCommand(@TargetAggregateIdentifier ListingRequestId requestId, GroupementId groupementId,
                                          ListingRequestDetails details, String keyHash) implements AddressedToGroupement {
}
