package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.GroupementRegisteredEvent;
import coop.mutua.catalog.api.RegisterGroupementCommand;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The tenant: a regional ESS network with its legal identity, VAT regime and hub. */
@Aggregate
public class Groupement {

    @AggregateIdentifier
    private GroupementId groupementId;

    protected Groupement() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RegisterGroupementCommand command) {
        Require.present(command.vatRegime(), "vatRegime");
        if (command.vatRegime() == VatRegime.REGISTERED && (command.vatNumber() == null || command.vatNumber().isBlank())) {
            throw new InvalidFieldException("vatNumber", "groupement.vat-number-required");
        }
        apply(new GroupementRegisteredEvent(command.groupementId(), IdentityRules.name(command.name()),
                IdentityRules.siret(command.siret()), IdentityRules.vatNumber(command.vatNumber(), command.siret()), command.vatRegime(),
                Require.present(command.address(), "address"), Require.present(command.hub(), "hub"),
                IdentityRules.email(command.contactEmail(), "contactEmail")));
    }

    @EventSourcingHandler
    void on(GroupementRegisteredEvent event) {
        this.groupementId = event.groupementId();
    }
}
