package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;

/** The product categories used in the groupement's catalog, alphabetically. */
public record FindCategoriesQuery(GroupementId groupementId) {
}
