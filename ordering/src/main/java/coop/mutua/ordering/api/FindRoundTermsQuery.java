package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;

/** A round's suppliers, policies and groupement fee; nothing if the round is another groupement's. */
public record FindRoundTermsQuery(GroupementId groupementId, RoundId roundId) {
}
