package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes an open round to orders. A coordinator may close before the deadline; the schedule closes at the deadline and
 * is refused before it. Closing twice is refused, so that a round closes exactly once whoever tries.
 */
public record ClosePurchaseRoundCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId,
                                        ClosingTrigger trigger) implements GroupementScoped {
}
