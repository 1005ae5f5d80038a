package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A failed pooling or invoicing was started again by the coordinator: the failure is no longer shown. */
@Revision("1")
public record RoundJobRetriedEvent(RoundId roundId, GroupementId groupementId, RoundJob job, Instant retriedAt) {
}
