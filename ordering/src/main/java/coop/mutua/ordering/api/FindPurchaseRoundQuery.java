package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;

/** One round of a groupement; nothing if it belongs to another groupement. */
public record FindPurchaseRoundQuery(GroupementId groupementId, RoundId roundId) {
}
