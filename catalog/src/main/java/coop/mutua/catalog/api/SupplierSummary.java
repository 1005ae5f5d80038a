package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.SupplierId;
import java.util.Set;

/** A supplier as the directory shows it, with its distance to the groupement's hub. */
public record SupplierSummary(SupplierId id, GroupementId groupementId, String name, String siret, String vatNumber,
                              EssFamily essFamily, Set<SupplierLabel> labels, Address address, GeoPoint location,
                              double distanceKm, String orderEmail, Money minimumOrder, Money freeShippingThreshold,
                              Money deliveryFee, String description, int productCount, boolean active) {
}
