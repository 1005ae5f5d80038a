package coop.mutua.billing.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import coop.mutua.billing.api.CreditNoteIssuedEvent;
import coop.mutua.billing.api.IssueCreditNoteCommand;
import coop.mutua.billing.api.IssueMemberInvoiceCommand;
import coop.mutua.billing.api.MemberInvoicePaidEvent;
import coop.mutua.billing.api.MemberInvoiceIssuedEvent;
import coop.mutua.billing.api.RecordInvoicePaymentCommand;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.RoundId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's invoice for a round. Issued once (its id follows from round and member, so a second issue is refused by the
 * event store), never changed: it can only be paid, or cancelled by a credit note that cites it (at most one).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class MemberInvoice {

    @AggregateIdentifier
    private MemberInvoiceId invoiceId;
    private GroupementId groupementId;
    private RoundId roundId;
    private MemberId memberId;
    private boolean paid;
    private MemberInvoiceId creditNoteId;

    protected MemberInvoice() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void handle(IssueMemberInvoiceCommand command) {
        Require.present(command.document(), "document");
        if (command.document().creditNote()) {
            throw new IllegalArgumentException("a credit note is issued against its invoice");
        }
        apply(new MemberInvoiceIssuedEvent(command.invoiceId(), Require.present(command.groupementId(), "groupementId"),
                Require.present(command.roundId(), "roundId"), Require.present(command.memberId(), "memberId"),
                Require.present(command.issuedAt(), "issuedAt"), command.document()));
    }

    @CommandHandler
    public void handle(IssueCreditNoteCommand command) {
        requireSameGroupement(command.groupementId());
        if (creditNoteId != null) {
            throw new ConflictException("member-invoice.already-credited");
        }
        if (!Require.present(command.document(), "document").creditNote()) {
            throw new IllegalArgumentException("not a credit note");
        }
        apply(new CreditNoteIssuedEvent(invoiceId, command.creditNoteId(), groupementId, roundId, memberId, command.issuedAt(),
                command.document()));
    }

    @CommandHandler
    public void handle(RecordInvoicePaymentCommand command) {
        requireSameGroupement(command.groupementId());
        if (creditNoteId != null) {
            throw new ConflictException("member-invoice.credited");
        }
        if (paid) {
            throw new ConflictException("member-invoice.already-paid");
        }
        apply(new MemberInvoicePaidEvent(invoiceId, groupementId, Require.present(command.paidOn(), "paidOn")));
    }

    private void requireSameGroupement(GroupementId groupement) {
        if (!groupementId.equals(groupement)) {
            throw new NotFoundException("member-invoice", invoiceId);
        }
    }

    @EventSourcingHandler
    void on(MemberInvoiceIssuedEvent event) {
        invoiceId = event.invoiceId();
        groupementId = event.groupementId();
        roundId = event.roundId();
        memberId = event.memberId();
    }

    @EventSourcingHandler
    void on(CreditNoteIssuedEvent event) {
        creditNoteId = event.creditNoteId();
    }

    @EventSourcingHandler
    void on(MemberInvoicePaidEvent event) {
        paid = true;
    }
}
