package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.AddProductCommand;
import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductAddedEvent;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A product of a supplier's catalog, with its ordering constraints and volume price tiers. */
@Aggregate
public class Product {

    @AggregateIdentifier
    private ProductId productId;

    protected Product() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(AddProductCommand command) {
        Quantity step = positive(command.step(), "step");
        Quantity caseSize = positive(command.caseSize(), "caseSize");
        List<PriceTier> tiers = command.tiers() == null ? List.of() : List.copyOf(command.tiers());
        TierRules.requireStrictlyIncreasing(tiers);
        apply(new ProductAddedEvent(command.productId(), Require.present(command.groupementId(), "groupementId"),
                Require.present(command.supplierId(), "supplierId"), Require.text(command.reference(), "reference", 64),
                Require.text(command.name(), "name", 200), Require.text(command.category(), "category", 100),
                Require.present(command.saleUnit(), "saleUnit"), step, caseSize,
                command.minimumOrderQuantity() == null ? Quantity.ZERO : command.minimumOrderQuantity(),
                Require.present(command.unitPrice(), "unitPrice"), Require.present(command.vatRate(), "vatRate"),
                tiers, Groupement.blankToNull(command.origin()), command.organic()));
    }

    @EventSourcingHandler
    void on(ProductAddedEvent event) {
        this.productId = event.productId();
    }

    private static Quantity positive(Quantity quantity, String field) {
        if (quantity == null || quantity.isZero()) {
            throw new DomainException("field.positive", field);
        }
        return quantity;
    }
}
