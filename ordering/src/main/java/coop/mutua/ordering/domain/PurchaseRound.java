package coop.mutua.ordering.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import coop.mutua.ordering.api.RoundStatus;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A purchase round: what is on offer, until when members order, where and when the goods arrive. It holds the
 * round's lifecycle only; member orders are aggregates of their own so that the round never becomes a hot spot.
 */
@Aggregate
public class PurchaseRound {

    @AggregateIdentifier
    private RoundId roundId;
    private GroupementId groupementId;
    private RoundStatus status;

    protected PurchaseRound() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(CreatePurchaseRoundCommand command, Clock clock) {
        String title = Require.text(command.title(), "title", 200);
        String place = Require.text(command.deliveryPlace(), "deliveryPlace", 200);
        Require.present(command.closesAt(), "closesAt");
        Require.present(command.deliveryDate(), "deliveryDate");
        if (!command.closesAt().isAfter(clock.instant())) {
            throw new DomainException("round.deadline-in-past");
        }
        LocalDate closingDay = LocalDate.ofInstant(command.closesAt(), RoundCalendar.ZONE);
        if (command.deliveryDate().isBefore(closingDay)) {
            throw new DomainException("round.delivery-before-deadline");
        }
        apply(new PurchaseRoundCreatedEvent(command.roundId(), Require.present(command.groupementId(), "groupementId"),
                title, command.closesAt(), command.deliveryDate(), place));
    }

    @EventSourcingHandler
    void on(PurchaseRoundCreatedEvent event) {
        this.roundId = event.roundId();
        this.groupementId = event.groupementId();
        this.status = RoundStatus.DRAFT;
    }
}
