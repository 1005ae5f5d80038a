package coop.mutua.catalog.api;

/** Every groupement of the platform (for the operator who registers them). */
public record FindGroupementsQuery() {
}
