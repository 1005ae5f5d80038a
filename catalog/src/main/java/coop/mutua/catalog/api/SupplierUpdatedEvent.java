package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.SupplierId;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A supplier's identity, labels, location or ordering terms changed. */
@Revision("1")
public record SupplierUpdatedEvent(SupplierId supplierId, GroupementId groupementId, String name, String siret,
                                   String vatNumber, EssFamily essFamily, Set<SupplierLabel> labels, Address address,
                                   GeoPoint location, String orderEmail, Money minimumOrder,
                                   Money freeShippingThreshold, Money deliveryFee, String description) {
}
