package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;

/** The products of one supplier of a groupement, by category and name. */
public record FindProductsQuery(GroupementId groupementId, SupplierId supplierId) {
}
