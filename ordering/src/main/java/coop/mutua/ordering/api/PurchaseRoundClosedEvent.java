package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A round stopped taking orders; every order accepted before is in, every later one is refused. */
@Revision("1")
public record PurchaseRoundClosedEvent(RoundId roundId, GroupementId groupementId, Instant closedAt, ClosingTrigger trigger) {
}
