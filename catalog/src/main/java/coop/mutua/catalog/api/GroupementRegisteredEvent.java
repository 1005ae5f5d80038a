package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import org.axonframework.serialization.Revision;

/** A groupement was registered. */
@Revision("1")
public record GroupementRegisteredEvent(GroupementId groupementId, String name, String siret, String vatNumber,
                                        VatRegime vatRegime, Address address, GeoPoint hub, String contactEmail) {
}
