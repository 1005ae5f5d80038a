package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator starts a failed pooling or invoicing again (once the cause is fixed). Refused when nothing failed. */
public record RetryRoundJobCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId, RoundJob job)
        implements GroupementScoped {
}
