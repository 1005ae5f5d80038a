package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;

/** A groupement as the other contexts and the pages see it. */
public record GroupementSummary(GroupementId id, String name, String siret, String vatNumber, VatRegime vatRegime,
                                Address address, GeoPoint hub, String contactEmail) {
}
