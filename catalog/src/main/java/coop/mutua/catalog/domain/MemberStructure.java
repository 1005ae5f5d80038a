package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.MemberRegisteredEvent;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Siret;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A member structure: the legal entity that orders and is invoiced. */
@Aggregate
public class MemberStructure {

    @AggregateIdentifier
    private MemberId memberId;

    protected MemberStructure() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RegisterMemberCommand command) {
        apply(new MemberRegisteredEvent(command.memberId(), Require.present(command.groupementId(), "groupementId"),
                Require.text(command.name(), "name", 200), new Siret(command.siret()).value(),
                Groupement.vatNumber(command.vatNumber()), Require.present(command.essFamily(), "essFamily"),
                Require.present(command.billingAddress(), "billingAddress"),
                command.deliveryAddress() == null ? command.billingAddress() : command.deliveryAddress(),
                Require.email(command.contactEmail(), "contactEmail")));
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        this.memberId = event.memberId();
    }
}
