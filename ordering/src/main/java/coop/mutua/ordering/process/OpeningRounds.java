package coop.mutua.ordering.process;

import coop.mutua.catalog.api.FindProductsQuery;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OpenPurchaseRoundCommand;
import coop.mutua.ordering.api.RoundTerms;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Opens a draft round with its offer frozen: every available product of the round's suppliers, at the price in force
 * now, asked of the catalog through its published queries. Used by coordinators and by the schedule alike.
 */
@Component
public class OpeningRounds {

    private final CommandGateway commands;
    private final QueryGateway queries;

    OpeningRounds(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public void open(GroupementId groupementId, RoundTerms terms) {
        List<OfferedProduct> offer = new ArrayList<>();
        for (SupplierId supplier : terms.suppliers()) {
            List<ProductSummary> products = queries.query(new FindProductsQuery(groupementId, supplier),
                    ResponseTypes.multipleInstancesOf(ProductSummary.class)).join();
            products.stream()
                    .filter(product -> product.available() && product.price() != null)
                    .map(product -> new OfferedProduct(product.id(), product.supplierId(), product.reference(),
                            product.details(), product.price()))
                    .forEach(offer::add);
        }
        commands.sendAndWait(new OpenPurchaseRoundCommand(terms.roundId(), groupementId, offer));
    }
}
