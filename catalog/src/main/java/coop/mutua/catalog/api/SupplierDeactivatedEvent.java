package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.serialization.Revision;

/** A supplier is no longer offered in new rounds. */
@Revision("1")
public record SupplierDeactivatedEvent(SupplierId supplierId, GroupementId groupementId) {
}
