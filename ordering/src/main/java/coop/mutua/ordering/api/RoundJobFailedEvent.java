package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A round's pooling or invoicing failed, with the reason shown to the coordinator. */
@Revision("1")
public record RoundJobFailedEvent(RoundId roundId, GroupementId groupementId, RoundJob job, String reason, int attempt,
                                  Instant nextAttemptAt, Instant failedAt) {
}
