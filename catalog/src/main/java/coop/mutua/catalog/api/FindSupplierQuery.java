package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;

/** One supplier of the groupement; nothing if it belongs to another groupement. */
public record FindSupplierQuery(GroupementId groupementId, SupplierId supplierId) {
}
