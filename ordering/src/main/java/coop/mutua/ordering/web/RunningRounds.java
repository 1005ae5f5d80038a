package coop.mutua.ordering.web;

import coop.mutua.catalog.api.FindProductsQuery;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.DomainException;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.CancelPurchaseRoundCommand;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.FindRoundTermsQuery;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OpenPurchaseRoundCommand;
import coop.mutua.ordering.api.RoundTerms;
import coop.mutua.ordering.api.SetRoundTermsCommand;
import coop.mutua.ordering.query.RoundQueries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A coordinator running a round: setting its terms, opening it with the catalog's products and prices of the moment
 * (asked of the catalog context through its published queries), cancelling it.
 */
@Component
class RunningRounds {

    static final String ROUNDS = "ordering-rounds";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RoundQueries rounds;
    private final ProjectionCatchUp catchUp;

    RunningRounds(CommandGateway commands, QueryGateway queries, RoundQueries rounds, ProjectionCatchUp catchUp) {
        this.commands = commands;
        this.queries = queries;
        this.rounds = rounds;
        this.catchUp = catchUp;
    }

    RoundTerms setTerms(Actor coordinator, RoundId roundId, Set<SupplierId> suppliers, AllocationPolicy allocation,
                        FeeSplitPolicy feeSplit, BigDecimal feePercent) {
        terms(coordinator, roundId);
        for (SupplierId supplier : suppliers) {
            boolean known = queries.query(new FindSupplierQuery(coordinator.groupementId(), supplier),
                    ResponseTypes.optionalInstanceOf(SupplierSummary.class)).join().isPresent();
            if (!known) {
                throw new DomainException("round.unknown-supplier", supplier);
            }
        }
        send(new SetRoundTermsCommand(roundId, coordinator.groupementId(), suppliers, allocation, feeSplit, feePercent), roundId);
        return terms(coordinator, roundId);
    }

    /** Freezes the offer: every available product of the round's suppliers, at the price in force now. */
    void open(Actor coordinator, RoundId roundId) {
        RoundTerms terms = terms(coordinator, roundId);
        List<OfferedProduct> offer = new ArrayList<>();
        for (SupplierId supplier : terms.suppliers()) {
            List<ProductSummary> products = queries.query(new FindProductsQuery(coordinator.groupementId(), supplier),
                    ResponseTypes.multipleInstancesOf(ProductSummary.class)).join();
            products.stream()
                    .filter(product -> product.available() && product.price() != null)
                    .map(product -> new OfferedProduct(product.id(), product.supplierId(), product.reference(),
                            product.details(), product.price()))
                    .forEach(offer::add);
        }
        send(new OpenPurchaseRoundCommand(roundId, coordinator.groupementId(), offer), roundId);
    }

    void cancel(Actor coordinator, RoundId roundId, String reason) {
        terms(coordinator, roundId);
        send(new CancelPurchaseRoundCommand(roundId, coordinator.groupementId(), reason), roundId);
    }

    RoundTerms terms(Actor actor, RoundId roundId) {
        return rounds.handle(new FindRoundTermsQuery(actor.groupementId(), roundId))
                .orElseThrow(() -> new NotFoundException("round", roundId));
    }

    private void send(Object command, RoundId roundId) {
        commands.sendAndWait(command);
        catchUp.await(ROUNDS, roundId);
    }
}
