package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A round opened to members' orders with this frozen offer. */
@Revision("1")
public record PurchaseRoundOpenedEvent(RoundId roundId, GroupementId groupementId, Instant openedAt,
                                       List<OfferedProduct> offer) {
}
