package coop.mutua.catalog.api;

import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.SupplierId;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a supplier's identity, labels, location or ordering terms. */
public record UpdateSupplierCommand(@TargetAggregateIdentifier SupplierId supplierId, GroupementId groupementId,
                                    String name, String siret, String vatNumber, EssFamily essFamily,
                                    Set<SupplierLabel> labels, Address address, GeoPoint location, String orderEmail,
                                    Money minimumOrder, Money freeShippingThreshold, Money deliveryFee,
                                    String description) implements GroupementScoped {
}
