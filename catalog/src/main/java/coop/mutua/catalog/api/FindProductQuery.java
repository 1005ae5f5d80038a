package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;

/** One product of the groupement, with its price in force now; nothing if it belongs to another groupement. */
public record FindProductQuery(GroupementId groupementId, ProductId productId) {
}
