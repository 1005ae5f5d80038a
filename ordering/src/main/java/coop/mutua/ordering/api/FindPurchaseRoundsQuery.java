package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import java.util.Set;

/** The rounds of a groupement in the given statuses, most recent deadline first. */
public record FindPurchaseRoundsQuery(GroupementId groupementId, Set<RoundStatus> statuses) {
}
