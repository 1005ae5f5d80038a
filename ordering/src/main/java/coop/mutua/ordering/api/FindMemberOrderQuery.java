package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.RoundId;

/** A member's lines in a round (empty when it has not ordered). */
public record FindMemberOrderQuery(GroupementId groupementId, RoundId roundId, MemberId memberId) {
}
