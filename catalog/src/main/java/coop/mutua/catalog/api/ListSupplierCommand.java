package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A groupement lists one of its suppliers in the network directory, or states its listing again (ADR 22). The listing
 * is the legal entity's: {@code listingId} must be {@link ListingId#ofSiret} of the details' SIRET.
 */
public record ListSupplierCommand(@TargetAggregateIdentifier ListingId listingId, GroupementId groupementId, SupplierId supplierId,
                                  ListingDetails details) implements GroupementScoped {
}
