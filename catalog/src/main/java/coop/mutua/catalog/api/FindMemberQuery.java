package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;

/** One member structure of the groupement; nothing if it belongs to another groupement. */
public record FindMemberQuery(GroupementId groupementId, MemberId memberId) {
}
