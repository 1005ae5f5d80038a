package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A closed round's orders were pooled into its supplier orders (and each member's share). */
@Revision("1")
public record PurchaseRoundPooledEvent(RoundId roundId, GroupementId groupementId, Instant pooledAt, int supplierOrders) {
}
