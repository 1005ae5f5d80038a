package coop.mutua.ordering.application;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.query.RoundQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Creating a purchase round on behalf of a coordinator: the groupement comes from the coordinator, the round id
 * from the client, so that a repeated request (double click, network retry) answers with the round already made.
 */
@Component
public class CreatingRounds {

    private final CommandGateway commands;
    private final RoundQueries rounds;
    private final ProjectionCatchUp catchUp;

    CreatingRounds(CommandGateway commands, RoundQueries rounds, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.rounds = rounds;
        this.catchUp = catchUp;
    }

    public PurchaseRoundSummary create(Actor coordinator, RoundId roundId, String title, Instant closesAt, LocalDate deliveryDate,
                                String deliveryPlace, Instant opensAt) {
        try {
            commands.sendAndWait(new CreatePurchaseRoundCommand(roundId, coordinator.groupementId(), title, closesAt,
                    deliveryDate, deliveryPlace, opensAt));
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyCreated) {
            // The same id was used before: idempotent if it is this groupement's round, refused otherwise.
            catchUp.await(OrderingReadModels.ROUNDS, roundId);
            return find(coordinator, roundId).orElseThrow(() -> new DomainException("round.id-taken", roundId));
        }
        catchUp.await(OrderingReadModels.ROUNDS, roundId);
        return find(coordinator, roundId)
                .orElseThrow(() -> new IllegalStateException("round " + roundId + " not visible after it was created"));
    }

    private Optional<PurchaseRoundSummary> find(Actor coordinator, RoundId roundId) {
        return rounds.handle(new FindPurchaseRoundQuery(coordinator.groupementId(), roundId));
    }
}
