package coop.mutua.ordering.application;

import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.Decimals;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.CancelPurchaseRoundCommand;
import coop.mutua.ordering.api.ClosePurchaseRoundCommand;
import coop.mutua.ordering.api.ClosingTrigger;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.FindRoundTermsQuery;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.RetryRoundJobCommand;
import coop.mutua.ordering.api.RoundJob;
import coop.mutua.ordering.api.RoundTerms;
import coop.mutua.ordering.api.SetRoundTermsCommand;
import coop.mutua.ordering.batch.RoundPoolings;
import coop.mutua.ordering.process.OpeningRounds;
import coop.mutua.ordering.query.RoundQueries;
import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A coordinator running a round: setting its terms, opening it (OpeningRounds takes the catalog's products and prices
 * of the moment, through its published queries), closing it early, retrying a failed pooling, cancelling it.
 */
@Component
public class RunningRounds {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RoundQueries rounds;
    private final ProjectionCatchUp catchUp;
    private final OpeningRounds opening;
    private final RoundPoolings poolings;

    RunningRounds(CommandGateway commands, QueryGateway queries, RoundQueries rounds, ProjectionCatchUp catchUp,
                  OpeningRounds opening, RoundPoolings poolings) {
        this.poolings = poolings;
        this.commands = commands;
        this.queries = queries;
        this.rounds = rounds;
        this.catchUp = catchUp;
        this.opening = opening;
    }

    public RoundTerms setTerms(Actor coordinator, RoundId roundId, Set<SupplierId> suppliers, AllocationPolicy allocation,
                        FeeSplitPolicy feeSplit, BigDecimal feePercent) {
        requireOwnRound(coordinator, roundId);
        for (SupplierId supplier : suppliers) {
            boolean known = queries.query(new FindSupplierQuery(coordinator.groupementId(), supplier),
                    ResponseTypes.optionalInstanceOf(SupplierSummary.class)).join().isPresent();
            if (!known) {
                throw new InvalidFieldException("suppliers", "round.unknown-supplier", supplier);
            }
        }
        send(new SetRoundTermsCommand(roundId, coordinator.groupementId(), suppliers, allocation, feeSplit, feePercent), roundId);
        return terms(coordinator, roundId);
    }

    /** Freezes the offer: every available product of the round's suppliers, at the price in force now. */
    public void open(Actor coordinator, RoundId roundId) {
        opening.open(coordinator.groupementId(), terms(coordinator, roundId));
        catchUp.await(OrderingReadModels.ROUNDS, roundId);
    }

    /** Closes the round now, before its deadline if need be: orders accepted so far are in, later ones refused. */
    public void close(Actor coordinator, RoundId roundId) {
        requireOwnRound(coordinator, roundId);
        send(new ClosePurchaseRoundCommand(roundId, coordinator.groupementId(), ClosingTrigger.COORDINATOR), roundId);
    }

    /** Starts a failed pooling again (in the background): the round shows CLOSED until it is pooled or fails again. */
    public void retryPooling(Actor coordinator, RoundId roundId) {
        requireOwnRound(coordinator, roundId);
        send(new RetryRoundJobCommand(roundId, coordinator.groupementId(), RoundJob.POOLING), roundId);
        poolings.retryInBackground(roundId);
    }

    public void cancel(Actor coordinator, RoundId roundId, String reason) {
        requireOwnRound(coordinator, roundId);
        send(new CancelPurchaseRoundCommand(roundId, coordinator.groupementId(), reason), roundId);
    }

    /**
     * A groupement fee typed by a person or sent by a client: "2.5" or "2,5" (pages and API read it the same way), bounded
     * before it is read out (never "1e1000000" written in full in a refusal).
     */
    public static BigDecimal percent(String text) {
        try {
            return Decimals.parse(text, "round.fee-percent", null);
        } catch (DomainException unreadable) {
            throw new InvalidFieldException("groupementFeePercent", "round.fee-percent",
                    Decimals.shown(text == null ? "" : text));
        }
    }

    public RoundTerms terms(Actor actor, RoundId roundId) {
        return rounds.handle(new FindRoundTermsQuery(actor.groupementId(), roundId))
                .orElseThrow(() -> new NotFoundException("round", roundId));
    }

    /** Another groupement's round, or none, is not found (404) before any command is sent. */
    private void requireOwnRound(Actor coordinator, RoundId roundId) {
        terms(coordinator, roundId);
    }

    private void send(Object command, RoundId roundId) {
        commands.sendAndWait(command);
        catchUp.await(OrderingReadModels.ROUNDS, roundId);
    }
}
