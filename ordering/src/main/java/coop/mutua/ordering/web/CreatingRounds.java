package coop.mutua.ordering.web;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.query.RoundQueries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Creating a purchase round on behalf of a coordinator: the groupement comes from the coordinator, the round id
 * from the client, so that a repeated request (double click, network retry) answers with the round already made.
 */
@Component
class CreatingRounds {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final RoundQueries rounds;

    CreatingRounds(CommandGateway commands, RoundQueries rounds) {
        this.commands = commands;
        this.rounds = rounds;
    }

    PurchaseRoundSummary create(Actor coordinator, RoundId roundId, String title, Instant closesAt, LocalDate deliveryDate,
                                String deliveryPlace) {
        try {
            commands.sendAndWait(new CreatePurchaseRoundCommand(roundId, coordinator.groupementId(), title, closesAt,
                    deliveryDate, deliveryPlace));
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyCreated) {
            // The same id was used before: idempotent if it is this groupement's round, refused otherwise.
            return rounds.awaitRound(coordinator.groupementId(), roundId, READ_YOUR_WRITE)
                    .orElseThrow(() -> new DomainException("round.id-taken", roundId));
        }
        return rounds.awaitRound(coordinator.groupementId(), roundId, READ_YOUR_WRITE)
                .orElseThrow(() -> new IllegalStateException("round " + roundId + " not visible after " + READ_YOUR_WRITE));
    }
}
