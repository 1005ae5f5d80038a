package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A round's pooling or invoicing failed: the reason, which attempt it was and when it is tried again by itself (null:
 * it waits for the coordinator). Shown on the round until it is retried or succeeds.
 */
public record RecordRoundJobFailureCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId, RoundJob job,
                                           String reason, int attempt, Instant nextAttemptAt) implements GroupementScoped {
}
