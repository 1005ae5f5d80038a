package coop.mutua.billing.application;

import coop.mutua.billing.api.FindMemberInvoicesQuery;
import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.api.RecordInvoicePaymentCommand;
import coop.mutua.billing.application.IssuingMemberInvoices;
import coop.mutua.billing.query.MemberInvoiceQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Member invoices as their readers may see them (a member only its own), and the coordinator's acts on them. */
@Component
public class SettlingMemberInvoices {

    private final MemberInvoiceQueries invoices;
    private final IssuingMemberInvoices issuer;
    private final CommandGateway commands;

    SettlingMemberInvoices(MemberInvoiceQueries invoices, IssuingMemberInvoices issuer, CommandGateway commands) {
        this.invoices = invoices;
        this.issuer = issuer;
        this.commands = commands;
    }

    public List<MemberInvoiceView> list(Actor actor, RoundId roundId, MemberId memberId) {
        return invoices.handle(new FindMemberInvoicesQuery(actor.groupementId(), roundId, readable(actor, memberId), null));
    }

    /** One page of the caller's invoices and credit notes, the latest first (the invoices page). */
    public Page<MemberInvoiceView> latest(Actor actor, Paging paging) {
        return invoices.page(new FindMemberInvoicesQuery(actor.groupementId(), null, readable(actor, null), null), paging, true);
    }

    /** One page of the same, by number. */
    public Page<MemberInvoiceView> list(Actor actor, RoundId roundId, MemberId memberId, Paging paging) {
        return invoices.page(new FindMemberInvoicesQuery(actor.groupementId(), roundId, readable(actor, memberId), null), paging, false);
    }

    public MemberInvoiceView one(Actor actor, MemberInvoiceId id) {
        return invoices.handle(new FindMemberInvoicesQuery(actor.groupementId(), null, readable(actor, null), id)).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("member-invoice", id));
    }

    public byte[] pdf(Actor actor, MemberInvoiceId id) {
        one(actor, id);
        return invoices.pdf(actor.groupementId(), id).orElseThrow(() -> new NotFoundException("member-invoice", id));
    }

    /** The EN 16931 CII XML the Factur-X carries. */
    public byte[] facturXml(Actor actor, MemberInvoiceId id) {
        return new ZUGFeRDImporter(new ByteArrayInputStream(pdf(actor, id))).getRawXML();
    }

    @Transactional
    public MemberInvoiceView creditNote(Actor actor, MemberInvoiceId id, String reason) {
        MemberInvoiceView invoice = one(actor, id);
        if (invoice.creditNote()) {
            throw new DomainException("member-invoice.credit-of-credit");
        }
        // The reason is printed on the credit note: one paragraph of at most 500 characters.
        String checked = reason == null || reason.isBlank() ? reason : Require.paragraphs(reason, "note", 500);
        MemberInvoiceId creditNoteId = issuer.creditNote(actor.groupementId(), id, invoice.document(), checked);
        return one(actor, creditNoteId);
    }

    public MemberInvoiceView paid(Actor actor, MemberInvoiceId id, LocalDate paidOn) {
        MemberInvoiceView invoice = one(actor, id);
        if (invoice.creditNote()) {
            throw new DomainException("member-invoice.credit-not-payable");
        }
        LocalDate today = LocalDate.now(IssuingMemberInvoices.ZONE);
        if (paidOn != null && paidOn.isAfter(today)) {
            throw new InvalidFieldException("paidOn", "date.after-today", "paidOn", paidOn);
        }
        commands.sendAndWait(new RecordInvoicePaymentCommand(id, actor.groupementId(), paidOn == null ? today : paidOn));
        return one(actor, id);
    }

    /** A member reads only its own invoices; suppliers none. */
    private static MemberId readable(Actor actor, MemberId asked) {
        if (actor.is(Role.SUPPLIER)) {
            throw new NotFoundException("member-invoice", asked);
        }
        if (actor.is(Role.MEMBER)) {
            if (asked != null && !asked.equals(actor.memberId())) {
                throw new NotFoundException("member", asked);
            }
            return actor.memberId();
        }
        return asked;
    }
}
