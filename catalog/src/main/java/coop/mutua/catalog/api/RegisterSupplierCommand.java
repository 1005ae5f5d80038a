package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a supplier of the groupement with its ordering terms. */
public record RegisterSupplierCommand(@TargetAggregateIdentifier SupplierId supplierId, GroupementId groupementId,
                                      SupplierDetails details) implements GroupementScoped {
}
