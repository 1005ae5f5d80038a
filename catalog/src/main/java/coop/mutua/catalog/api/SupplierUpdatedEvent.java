package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.serialization.Revision;

/**
 * A supplier's identity, labels, location or ordering terms changed: its whole details as they now stand. Revision 2
 * groups the details (revision 1 had them as fourteen fields of the event; its stored events are upcast).
 */
@Revision("2")
public record SupplierUpdatedEvent(SupplierId supplierId, GroupementId groupementId, SupplierDetails details) {
}
