package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.SupplierId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a supplier's identity, labels, location or ordering terms. */
public record UpdateSupplierCommand(@TargetAggregateIdentifier SupplierId supplierId, GroupementId groupementId,
                                    SupplierDetails details) implements GroupementScoped {
}
