package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a supplier out of new rounds and of the directory's default view. */
public record DeactivateSupplierCommand(@TargetAggregateIdentifier SupplierId supplierId, GroupementId groupementId) implements GroupementScoped {
}
