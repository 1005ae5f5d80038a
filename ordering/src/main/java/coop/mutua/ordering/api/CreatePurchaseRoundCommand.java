package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a purchase round in DRAFT. The round id is chosen by the client, so that a retried request never
 * creates a second round.
 */
public record CreatePurchaseRoundCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId,
                                         String title, Instant closesAt, LocalDate deliveryDate,
                                         String deliveryPlace) implements GroupementScoped {
}
