package coop.mutua.billing.query;

import coop.mutua.billing.api.FindSupplierInvoicesQuery;
import coop.mutua.billing.api.InvoiceDifference;
import coop.mutua.billing.api.SupplierInvoiceCharge;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceStatus;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.VatRate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Reads recorded supplier invoices, always within one groupement. */
@Component
public class SupplierInvoiceQueries {

    /** The projection that writes what this reads. */
    public static final String PROJECTION = "billing-invoices";

    private final JdbcClient jdbc;

    SupplierInvoiceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<SupplierInvoiceView> handle(FindSupplierInvoicesQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM supplier_invoice WHERE groupement_id = :groupement");
        Map<String, Object> params = new HashMap<>();
        params.put("groupement", query.groupementId().value());
        if (query.roundId() != null) {
            sql.append(" AND round_id = :round");
            params.put("round", query.roundId().value());
        }
        if (query.supplierOrderId() != null) {
            sql.append(" AND supplier_order_id = :order");
            params.put("order", query.supplierOrderId().value());
        }
        if (query.supplierInvoiceId() != null) {
            sql.append(" AND id = :id");
            params.put("id", query.supplierInvoiceId());
        }
        if (query.supplierId() != null) {
            sql.append(" AND supplier_id = :supplier");
            params.put("supplier", query.supplierId().value());
        }
        sql.append(" ORDER BY issue_date, number");
        return jdbc.sql(sql.toString()).params(params).query(SupplierInvoiceQueries::view).list();
    }

    /**
     * Every supplier invoice and credit note of the groupement, by date and number, one after the other as PostgreSQL
     * sends them (a cursor): the accounting export in constant memory.
     */
    @Transactional(readOnly = true)
    public void forEach(GroupementId groupementId, Consumer<SupplierInvoiceView> action) {
        jdbc.sql("SELECT * FROM supplier_invoice WHERE groupement_id = :groupement ORDER BY issue_date, number")
                .param("groupement", groupementId.value()).withFetchSize(250)
                .query((RowCallbackHandler) rs -> action.accept(view(rs, rs.getRow())));
    }

    private static SupplierInvoiceView view(ResultSet rs, int row) throws SQLException {
        long base = rs.getLong("total_excl_vat");
        long vat = rs.getLong("vat_total");
        return new SupplierInvoiceView(rs.getString("id"), RoundId.of(rs.getString("round_id")), SupplierOrderId.of(rs.getString("supplier_order_id")),
                SupplierId.of(rs.getString("supplier_id")), rs.getString("number"), rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getBoolean("credit_note"),
                SupplierInvoiceStatus.valueOf(rs.getString("status")), rs.getString("note"), Money.ofCents(base), Money.ofCents(vat),
                Money.ofCents(base + vat),
                InvoiceJson.read(rs.getString("lines"), new TypeReference<List<SupplierInvoiceLine>>() { }),
                InvoiceJson.read(rs.getString("charges"), new TypeReference<List<SupplierInvoiceCharge>>() { }),
                InvoiceJson.read(rs.getString("vat"), new TypeReference<Map<VatRate, Money>>() { }),
                InvoiceJson.read(rs.getString("differences"), new TypeReference<List<InvoiceDifference>>() { }),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
