package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A closed round's orders were pooled into its supplier orders (and each member's share); those below their supplier's
 * minimum order amount await the coordinator's decision.
 */
@Revision("1")
public record PurchaseRoundPooledEvent(RoundId roundId, GroupementId groupementId, Instant pooledAt, int supplierOrders,
                                       Set<SupplierId> belowMinimum) {

    public PurchaseRoundPooledEvent {
        belowMinimum = belowMinimum == null ? Set.of() : Set.copyOf(belowMinimum);
    }
}
