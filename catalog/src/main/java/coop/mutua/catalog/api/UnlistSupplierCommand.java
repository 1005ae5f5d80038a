package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.ListingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A groupement withdraws its listing of a supplier; the listing stays while another groupement lists it. */
public record UnlistSupplierCommand(@TargetAggregateIdentifier ListingId listingId, GroupementId groupementId) implements GroupementScoped {
}
