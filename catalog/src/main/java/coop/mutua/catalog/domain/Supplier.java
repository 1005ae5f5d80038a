package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.SupplierRegisteredEvent;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Siret;
import coop.mutua.kernel.SupplierId;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A supplier of the groupement: who receives the grouped orders, and on which terms. */
@Aggregate
public class Supplier {

    @AggregateIdentifier
    private SupplierId supplierId;

    protected Supplier() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RegisterSupplierCommand command) {
        apply(new SupplierRegisteredEvent(command.supplierId(), Require.present(command.groupementId(), "groupementId"),
                Require.text(command.name(), "name", 200), new Siret(command.siret()).value(),
                Groupement.vatNumber(command.vatNumber()), command.essFamily(),
                command.labels() == null ? Set.of() : Set.copyOf(command.labels()),
                Require.present(command.address(), "address"), Require.present(command.location(), "location"),
                Require.email(command.orderEmail(), "orderEmail"), notNegative(command.minimumOrder(), "minimumOrder"),
                notNegative(command.freeShippingThreshold(), "freeShippingThreshold"),
                notNegative(command.deliveryFee(), "deliveryFee"), Groupement.blankToNull(command.description())));
    }

    @EventSourcingHandler
    void on(SupplierRegisteredEvent event) {
        this.supplierId = event.supplierId();
    }

    private static Money notNegative(Money amount, String field) {
        Money value = amount == null ? Money.ZERO : amount;
        if (value.isNegative()) {
            throw new DomainException("field.negative", field);
        }
        return value;
    }
}
