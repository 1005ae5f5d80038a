package coop.mutua.ordering.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.GroupementScoped;
import coop.mutua.kernel.RoundId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a purchase round in DRAFT. The round id is chosen by the client, so that a retried request never
 * creates a second round. {@code opensAt} is optional: when given, the schedule opens the round then (once its terms
 * name suppliers); without it a coordinator opens it.
 */
public record CreatePurchaseRoundCommand(@TargetAggregateIdentifier RoundId roundId, GroupementId groupementId,
                                         String title, Instant closesAt, LocalDate deliveryDate,
                                         String deliveryPlace, Instant opensAt) implements GroupementScoped {

    public CreatePurchaseRoundCommand(RoundId roundId, GroupementId groupementId, String title, Instant closesAt,
                                      LocalDate deliveryDate, String deliveryPlace) {
        this(roundId, groupementId, title, closesAt, deliveryDate, deliveryPlace, null);
    }
}
