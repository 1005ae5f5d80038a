package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Every member invoice of the round is paid or cancelled by a credit note. */
@Revision("1")
public record PurchaseRoundSettledEvent(RoundId roundId, GroupementId groupementId, Instant settledAt) {
}
