package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Billing issued every member's invoice of the round (the invoicing job's last step). Recorded once. */
public record RecordRoundInvoicedCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId, int invoices)
        implements GroupementScoped {
}
