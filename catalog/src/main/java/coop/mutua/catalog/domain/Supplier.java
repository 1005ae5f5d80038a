package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.DeactivateSupplierCommand;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.Money;
import coop.mutua.catalog.api.ReactivateSupplierCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.SupplierDeactivatedEvent;
import coop.mutua.catalog.api.SupplierReactivatedEvent;
import coop.mutua.catalog.api.SupplierRegisteredEvent;
import coop.mutua.catalog.api.SupplierUpdatedEvent;
import coop.mutua.catalog.api.UpdateSupplierCommand;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
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
    private GroupementId groupementId;
    private boolean active;

    protected Supplier() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RegisterSupplierCommand command) {
        Profile p = Profile.checked(command.name(), command.siret(), command.vatNumber(), command.labels(), command.address(),
                command.location(), command.orderEmail(), command.minimumOrder(), command.freeShippingThreshold(),
                command.deliveryFee(), command.description());
        apply(new SupplierRegisteredEvent(command.supplierId(), Require.present(command.groupementId(), "groupementId"),
                p.name(), p.siret(), p.vatNumber(), command.essFamily(), p.labels(), p.address(), p.location(), p.orderEmail(),
                p.minimumOrder(), p.freeShipping(), p.deliveryFee(), p.description()));
    }

    @CommandHandler
    public void handle(UpdateSupplierCommand command) {
        requireSameGroupement(command.groupementId());
        Profile p = Profile.checked(command.name(), command.siret(), command.vatNumber(), command.labels(), command.address(),
                command.location(), command.orderEmail(), command.minimumOrder(), command.freeShippingThreshold(),
                command.deliveryFee(), command.description());
        apply(new SupplierUpdatedEvent(supplierId, groupementId, p.name(), p.siret(), p.vatNumber(), command.essFamily(),
                p.labels(), p.address(), p.location(), p.orderEmail(), p.minimumOrder(), p.freeShipping(), p.deliveryFee(),
                p.description()));
    }

    /** A supplier's identity and terms, checked and normalised. */
    private record Profile(String name, String siret, String vatNumber, Set<SupplierLabel> labels, Address address,
                           GeoPoint location, String orderEmail, Money minimumOrder, Money freeShipping, Money deliveryFee,
                           String description) {

        static Profile checked(String name, String siret, String vatNumber, Set<SupplierLabel> labels, Address address,
                               GeoPoint location, String orderEmail, Money minimumOrder, Money freeShipping,
                               Money deliveryFee, String description) {
            return new Profile(IdentityRules.name(name), IdentityRules.siret(siret), IdentityRules.vatNumber(vatNumber, siret),
                    labels == null ? Set.of() : Set.copyOf(labels), IdentityRules.address(address, "address"),
                    Require.present(location, "location"), IdentityRules.email(orderEmail, "orderEmail"),
                    IdentityRules.notNegative(minimumOrder, "minimumOrder"),
                    IdentityRules.notNegative(freeShipping, "freeShippingThreshold"),
                    IdentityRules.notNegative(deliveryFee, "deliveryFee"),
                    IdentityRules.optionalText(description, "description", 2000));
        }
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
