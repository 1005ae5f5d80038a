package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;

/** The targets of every member structure of the groupement that set some. */
public record FindMemberGoalsQuery(GroupementId groupementId) {
}
