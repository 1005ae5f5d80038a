package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;

/** The member structures of a groupement, by name. */
public record FindMembersQuery(GroupementId groupementId) {
}
