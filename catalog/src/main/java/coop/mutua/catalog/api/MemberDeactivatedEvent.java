package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import org.axonframework.serialization.Revision;

/** A member structure may no longer order. */
@Revision("1")
public record MemberDeactivatedEvent(MemberId memberId, GroupementId groupementId) {
}
