package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Abandons a round in DRAFT or OPEN; members' orders, if any, will not be passed. */
public record CancelPurchaseRoundCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId,
                                         String reason) implements GroupementScoped {
}
