package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.RoundId;

/** A member's shares of a pooled round (empty before pooling). */
public record FindMemberSharesQuery(GroupementId groupementId, RoundId roundId, MemberId memberId) {
}
