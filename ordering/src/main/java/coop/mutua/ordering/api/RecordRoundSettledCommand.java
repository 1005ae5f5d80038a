package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Billing found every member invoice of the round paid or cancelled by a credit note. A repeat changes nothing. */
public record RecordRoundSettledCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId)
        implements GroupementScoped {
}
