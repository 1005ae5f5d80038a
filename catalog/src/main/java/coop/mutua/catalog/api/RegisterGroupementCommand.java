package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a groupement, the tenant of Mutua, with the legal identity its invoices will carry. */
public record RegisterGroupementCommand(@TargetAggregateIdentifier GroupementId groupementId, String name, String siret,
                                        String vatNumber, VatRegime vatRegime, Address address, GeoPoint hub,
                                        String contactEmail) implements GroupementScoped {
}
