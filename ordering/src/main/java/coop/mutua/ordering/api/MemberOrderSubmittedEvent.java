package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A member's order now has exactly these lines (an empty list withdraws it). {@code firstSubmittedAt} orders members
 * for the FIRST_COME policy; {@code submittedAt} is this submission.
 */
@Revision("1")
public record MemberOrderSubmittedEvent(String orderId, GroupementId groupementId, RoundId roundId, MemberId memberId,
                                        List<OrderLine> lines, Instant firstSubmittedAt, Instant submittedAt) {
}
