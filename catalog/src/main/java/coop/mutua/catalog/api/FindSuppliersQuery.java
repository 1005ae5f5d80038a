package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;

/** The suppliers of a groupement, by name. */
public record FindSuppliersQuery(GroupementId groupementId) {
}
