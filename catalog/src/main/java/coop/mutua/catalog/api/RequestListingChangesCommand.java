package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ListingRequestId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The coordinator asks the requester for changes before deciding, with what to change. The private link changes with it
 * ({@code keyHash}: the new key's SHA-256), so that the mail that asks carries a link the requester can use.
 */
public record RequestListingChangesCommand(@TargetAggregateIdentifier ListingRequestId requestId, GroupementId groupementId,
                                           String question, String keyHash) implements GroupementScoped {
}
