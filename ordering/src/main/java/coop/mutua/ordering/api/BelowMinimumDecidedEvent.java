package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator confirmed, or cancelled, a supplier order below its supplier's minimum. */
@Revision("1")
public record BelowMinimumDecidedEvent(RoundId roundId, GroupementId groupementId, SupplierId supplierId, boolean confirmed,
                                       Instant decidedAt) {
}
