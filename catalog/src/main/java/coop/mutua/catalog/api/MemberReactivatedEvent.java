package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import org.axonframework.serialization.Revision;

/** A member structure may order again. */
@Revision("1")
public record MemberReactivatedEvent(MemberId memberId, GroupementId groupementId) {
}
