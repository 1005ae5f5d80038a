package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.serialization.Revision;

/** A supplier is offered again. */
@Revision("1")
public record SupplierReactivatedEvent(SupplierId supplierId, GroupementId groupementId) {
}
