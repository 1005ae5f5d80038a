package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.DeactivateSupplierCommand;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.ReactivateSupplierCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.SupplierDeactivatedEvent;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.SupplierReactivatedEvent;
import coop.mutua.catalog.api.SupplierRegisteredEvent;
import coop.mutua.catalog.api.SupplierUpdatedEvent;
import coop.mutua.catalog.api.UpdateSupplierCommand;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.SupplierId;
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
    private GroupementId groupementId;
    private boolean active;

    protected Supplier() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RegisterSupplierCommand command) {
        apply(new SupplierRegisteredEvent(command.supplierId(), Require.present(command.groupementId(), "groupementId"),
                checked(command.details())));
    }

    @CommandHandler
    public void handle(UpdateSupplierCommand command) {
        requireSameGroupement(command.groupementId());
        apply(new SupplierUpdatedEvent(supplierId, groupementId, checked(command.details())));
    }

    /** A supplier's identity and terms, checked and normalised; each refusal names its field as the forms and the API do. */
    private static SupplierDetails checked(SupplierDetails details) {
        Require.present(details, "details");
        OrderingTerms terms = Require.present(details.terms(), "terms");
        return new SupplierDetails(IdentityRules.name(details.name()), IdentityRules.siret(details.siret()),
                IdentityRules.vatNumber(details.vatNumber(), details.siret()), details.essFamily(), details.labels(),
                IdentityRules.address(details.address(), "address"), Require.present(details.location(), "location"),
                IdentityRules.email(details.orderEmail(), "orderEmail"),
                new OrderingTerms(IdentityRules.notNegative(terms.minimumOrder(), "minimumOrder"),
                        IdentityRules.notNegative(terms.freeShippingThreshold(), "freeShippingThreshold"),
                        IdentityRules.notNegative(terms.deliveryFee(), "deliveryFee")),
                IdentityRules.optionalText(details.description(), "description", 2000));
    }

    @CommandHandler
    public void handle(DeactivateSupplierCommand command) {
        requireSameGroupement(command.groupementId());
        if (active) {
            apply(new SupplierDeactivatedEvent(supplierId, groupementId));
        }
    }

    @CommandHandler
    public void handle(ReactivateSupplierCommand command) {
        requireSameGroupement(command.groupementId());
        if (!active) {
            apply(new SupplierReactivatedEvent(supplierId, groupementId));
        }
    }

    @EventSourcingHandler
    void on(SupplierRegisteredEvent event) {
        this.supplierId = event.supplierId();
        this.groupementId = event.groupementId();
        this.active = true;
    }

    @EventSourcingHandler
    void on(SupplierDeactivatedEvent event) {
        this.active = false;
    }

    @EventSourcingHandler
    void on(SupplierReactivatedEvent event) {
        this.active = true;
    }

    private void requireSameGroupement(GroupementId caller) {
        if (!groupementId.equals(caller)) {
            throw new NotFoundException("supplier", supplierId);
        }
    }
}
