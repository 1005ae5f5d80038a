package coop.mutua.billing.query;

import coop.mutua.billing.api.CreditNoteIssuedEvent;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.MemberInvoiceIssuedEvent;
import coop.mutua.billing.api.MemberInvoicePaidEvent;
import coop.mutua.billing.api.MemberInvoiceStatus;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.ReadModel;
import coop.mutua.kernel.RoundId;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Member invoices and credit notes, written in the issuing transaction (subscribing, like the numbers): an issuing job
 * restarted after a crash finds exactly the invoices that were committed with their numbers.
 */
@Component
@ProcessingGroup(MemberInvoiceQueries.PROJECTION)
@ReadModel(tables = "member_invoice")
class MemberInvoiceProjection {

    private final JdbcClient jdbc;

    MemberInvoiceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberInvoiceIssuedEvent event) {
        insert(event.invoiceId(), event.groupementId().value(), event.roundId(), event.memberId(), event.issuedAt(),
                event.document(), null);
    }

    @EventHandler
    void on(CreditNoteIssuedEvent event) {
        insert(event.creditNoteId(), event.groupementId().value(), event.roundId(), event.memberId(), event.issuedAt(),
                event.document(), event.invoiceId());
        jdbc.sql("UPDATE member_invoice SET status = :status, related_id = :credit WHERE id = :id")
                .param("status", MemberInvoiceStatus.CREDITED.name()).param("credit", event.creditNoteId().value())
                .param("id", event.invoiceId().value()).update();
    }

    @EventHandler
    void on(MemberInvoicePaidEvent event) {
        jdbc.sql("UPDATE member_invoice SET status = :status, paid_on = :paidOn WHERE id = :id")
                .param("status", MemberInvoiceStatus.PAID.name()).param("paidOn", event.paidOn()).param("id", event.invoiceId().value())
                .update();
    }

    private void insert(MemberInvoiceId id, String groupementId, RoundId roundId, MemberId memberId, Instant issuedAt,
                        InvoiceDocument document, MemberInvoiceId relatedId) {
        jdbc.sql("""
                INSERT INTO member_invoice (id, groupement_id, round_id, member_id, member_name, number, credit_note, issue_date,
                    due_date, total_excl_vat, vat_total, total_incl_vat, status, related_id, issued_at, document)
                VALUES (:id, :groupement, :round, :member, :name, :number, :credit, :issue, :due, :base, :vat, :total, :status,
                    :related, :at, CAST(:document AS JSONB))
                ON CONFLICT (id) DO NOTHING""")
                .param("id", id.value()).param("groupement", groupementId).param("round", roundId.value())
                .param("member", memberId.value()).param("name", document.buyer().name()).param("number", document.number())
                .param("credit", document.creditNote()).param("issue", document.issueDate()).param("due", document.payment().dueDate())
                .param("base", document.draft().baseCents()).param("vat", document.draft().vatCents())
                .param("total", document.draft().totalCents()).param("status", MemberInvoiceStatus.ISSUED.name())
                .param("related", relatedId == null ? null : relatedId.value(), Types.VARCHAR).param("at", Timestamp.from(issuedAt))
                .param("document", InvoiceJson.write(document))
                .update();
    }
}
