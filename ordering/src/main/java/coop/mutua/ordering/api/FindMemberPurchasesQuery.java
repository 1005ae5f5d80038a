package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.RoundId;

/**
 * What members received in a groupement, totalled per member and supplier (orders RECEIVED or INVOICED only): of one
 * round and/or one member when given (null: all). Answers a list of {@link MemberPurchases}.
 */
public record FindMemberPurchasesQuery(GroupementId groupementId, RoundId roundId, MemberId memberId) {
}
