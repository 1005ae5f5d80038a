package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;
import org.axonframework.serialization.Revision;

/**
 * A supplier was registered in the groupement's directory, with its details as checked. Revision 2 groups the details
 * (revision 1 had them as fourteen fields of the event; its stored events are upcast).
 */
@Revision("2")
public record SupplierRegisteredEvent(SupplierId supplierId, GroupementId groupementId, SupplierDetails details) {
}
