package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Brings a deactivated supplier back. */
public record ReactivateSupplierCommand(@TargetAggregateIdentifier SupplierId supplierId, GroupementId groupementId) implements GroupementScoped {
}
