package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import org.axonframework.serialization.Revision;

/** A round was abandoned before closing. */
@Revision("1")
public record PurchaseRoundCancelledEvent(RoundId roundId, GroupementId groupementId, String reason) {
}
