package coop.mutua.billing.query;

import coop.mutua.billing.api.SupplierInvoiceRecordedEvent;
import coop.mutua.billing.api.SupplierInvoiceResolvedEvent;
import coop.mutua.kernel.ReadModel;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Supplier invoices as recorded, and the coordinator's decisions on them. */
@Component
@ProcessingGroup(SupplierInvoiceProjection.GROUP)
@ReadModel(tables = "supplier_invoice")
class SupplierInvoiceProjection {

    static final String GROUP = SupplierInvoiceQueries.PROJECTION;

    private final JdbcClient jdbc;

    SupplierInvoiceProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SupplierInvoiceRecordedEvent event) {
        long base = event.lines().stream().mapToLong(line -> line.amountExclVat().cents()).sum()
                + event.charges().stream().mapToLong(charge -> charge.amountExclVat().cents()).sum();
        long vat = event.vat().values().stream().mapToLong(money -> money.cents()).sum();
        jdbc.sql("""
                INSERT INTO supplier_invoice (id, groupement_id, round_id, supplier_order_id, supplier_id, number, issue_date,
                    due_date, credit_note, status, note, total_excl_vat, vat_total, lines, charges, vat, differences, recorded_at)
                VALUES (:id, :groupement, :round, :order, :supplier, :number, :issue, :due, :credit, :status, NULL, :base, :vatTotal,
                    CAST(:lines AS JSONB), CAST(:charges AS JSONB), CAST(:vat AS JSONB), CAST(:differences AS JSONB), :at)
                ON CONFLICT (id) DO UPDATE SET issue_date = EXCLUDED.issue_date, due_date = EXCLUDED.due_date,
                    credit_note = EXCLUDED.credit_note, status = EXCLUDED.status, note = NULL, total_excl_vat = EXCLUDED.total_excl_vat,
                    vat_total = EXCLUDED.vat_total, lines = EXCLUDED.lines, charges = EXCLUDED.charges, vat = EXCLUDED.vat,
                    differences = EXCLUDED.differences, recorded_at = EXCLUDED.recorded_at, resolved_at = NULL""")
                .param("id", event.supplierInvoiceId()).param("groupement", event.groupementId().value())
                .param("round", event.roundId().value()).param("order", event.supplierOrderId().value())
                .param("supplier", event.supplierId().value()).param("number", event.number())
                .param("issue", event.issueDate()).param("due", event.dueDate()).param("credit", event.creditNote())
                .param("status", event.status().name()).param("base", base).param("vatTotal", vat)
                .param("lines", InvoiceJson.write(event.lines())).param("charges", InvoiceJson.write(event.charges()))
                .param("vat", InvoiceJson.write(event.vat())).param("differences", InvoiceJson.write(event.differences()))
                .param("at", Timestamp.from(event.recordedAt()))
                .update();
    }

    @EventHandler
    void on(SupplierInvoiceResolvedEvent event) {
        jdbc.sql("UPDATE supplier_invoice SET status = :status, note = :note, resolved_at = :at WHERE id = :id")
                .param("id", event.supplierInvoiceId()).param("status", event.status().name()).param("note", event.note())
                .param("at", Timestamp.from(event.resolvedAt())).update();
    }
}
