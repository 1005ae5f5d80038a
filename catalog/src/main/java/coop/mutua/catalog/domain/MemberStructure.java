package coop.mutua.catalog.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.DeactivateMemberCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.MemberDeactivatedEvent;
import coop.mutua.catalog.api.MemberReactivatedEvent;
import coop.mutua.catalog.api.MemberRegisteredEvent;
import coop.mutua.catalog.api.MemberUpdatedEvent;
import coop.mutua.catalog.api.ReactivateMemberCommand;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.UpdateMemberCommand;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.catalog.api.MemberGoalsSetEvent;
import coop.mutua.catalog.api.SetMemberGoalsCommand;
import coop.mutua.kernel.InvalidFieldException;
import java.time.Clock;
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
    private GroupementId groupementId;
    private boolean active;

    protected MemberStructure() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(RegisterMemberCommand command) {
        Profile p = Profile.checked(command.name(), command.siret(), command.vatNumber(), command.essFamily(),
                command.billingAddress(), command.deliveryAddress(), command.contactEmail());
        apply(new MemberRegisteredEvent(command.memberId(), Require.present(command.groupementId(), "groupementId"),
                p.name(), p.siret(), p.vatNumber(), p.essFamily(), p.billing(), p.delivery(), p.email()));
    }

    @CommandHandler
    public void handle(UpdateMemberCommand command) {
        requireSameGroupement(command.groupementId());
        Profile p = Profile.checked(command.name(), command.siret(), command.vatNumber(), command.essFamily(),
                command.billingAddress(), command.deliveryAddress(), command.contactEmail());
        apply(new MemberUpdatedEvent(memberId, groupementId, p.name(), p.siret(), p.vatNumber(), p.essFamily(),
                p.billing(), p.delivery(), p.email()));
    }

    /** A member structure's identity, checked and normalised; deliveries default to the billing address. */
    private record Profile(String name, String siret, String vatNumber, EssFamily essFamily, Address billing,
                           Address delivery, String email) {

        static Profile checked(String name, String siret, String vatNumber, EssFamily essFamily, Address billing,
                               Address delivery, String email) {
            return new Profile(IdentityRules.name(name), IdentityRules.siret(siret), IdentityRules.vatNumber(vatNumber, siret),
                    Require.present(essFamily, "essFamily"), IdentityRules.address(billing, "billingAddress"),
                    IdentityRules.address(delivery == null ? billing : delivery, "deliveryAddress"),
                    IdentityRules.email(email, "contactEmail"));
        }
    }

    @CommandHandler
    public void handle(DeactivateMemberCommand command) {
        requireSameGroupement(command.groupementId());
        if (active) {
            apply(new MemberDeactivatedEvent(memberId, groupementId));
        }
    }

    @CommandHandler
    public void handle(ReactivateMemberCommand command) {
        requireSameGroupement(command.groupementId());
        if (!active) {
            apply(new MemberReactivatedEvent(memberId, groupementId));
        }
    }

    /** Targets are the structure's own: each from 0 to 100 %, or none. */
    @CommandHandler
    public void handle(SetMemberGoalsCommand command, Clock clock) {
        requireSameGroupement(command.groupementId());
        apply(new MemberGoalsSetEvent(memberId, groupementId, percent(command.essPercent(), "essPercent"),
                percent(command.organicPercent(), "organicPercent"), percent(command.localPercent(), "localPercent"), clock.instant()));
    }

    private static Integer percent(Integer value, String field) {
        if (value != null && (value < 0 || value > 100)) {
            throw new InvalidFieldException(field, "goals.percent", value);
        }
        return value;
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        this.memberId = event.memberId();
        this.groupementId = event.groupementId();
        this.active = true;
    }

    @EventSourcingHandler
    void on(MemberDeactivatedEvent event) {
        this.active = false;
    }

    @EventSourcingHandler
    void on(MemberReactivatedEvent event) {
        this.active = true;
    }

    /** Another groupement's member does not exist, as far as the caller can tell. */
    private void requireSameGroupement(GroupementId caller) {
        if (!groupementId.equals(caller)) {
            throw new NotFoundException("member", memberId);
        }
    }
}
