package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;

/** The frozen offer of an open (or later) round, by supplier then category and name. */
public record FindRoundOfferQuery(GroupementId groupementId, RoundId roundId) {
}
