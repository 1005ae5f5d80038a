package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member structure set its responsible-purchasing targets (whole percent, null: none for that dimension). */
@Revision("1")
public record MemberGoalsSetEvent(MemberId memberId, GroupementId groupementId, Integer essPercent, Integer organicPercent,
                                  Integer localPercent, Instant setAt) {
}
