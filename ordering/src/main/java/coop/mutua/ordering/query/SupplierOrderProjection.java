package coop.mutua.ordering.query;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.ReceptionRecordedEvent;
import coop.mutua.ordering.api.SupplierChangeReportedEvent;
import coop.mutua.ordering.domain.Allocation;
import java.math.BigDecimal;
import java.util.List;
import coop.mutua.ordering.api.SupplierOrderConfirmedEvent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Supplier confirmations, reported changes and receptions onto the supplier orders the pooling job wrote. */
@Component
@ProcessingGroup("ordering-rounds")
class SupplierOrderProjection {

    private final JdbcClient jdbc;

    SupplierOrderProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SupplierOrderConfirmedEvent event) {
        jdbc.sql("UPDATE supplier_order SET confirmed_version = :version, confirmed_at = :at WHERE id = :id")
                .param("id", event.supplierOrderId()).param("version", event.version())
                .param("at", Timestamp.from(event.confirmedAt())).update();
    }

    @EventHandler
    void on(SupplierChangeReportedEvent event) {
        jdbc.sql("""
                INSERT INTO supplier_order_change (supplier_order_id, product_id, change, new_quantity, note, reported_at)
                VALUES (:id, :product, :change, :quantity, :note, :at)
                ON CONFLICT (supplier_order_id, product_id) DO UPDATE SET change = EXCLUDED.change,
                    new_quantity = EXCLUDED.new_quantity, note = EXCLUDED.note, reported_at = EXCLUDED.reported_at""")
                .param("id", event.supplierOrderId()).param("product", event.productId().value())
                .param("change", event.change().name())
                .param("quantity", event.newQuantity() == null ? null : event.newQuantity().value(), java.sql.Types.NUMERIC)
                .param("note", event.note(), java.sql.Types.VARCHAR).param("at", Timestamp.from(event.reportedAt()))
                .update();
    }

    /**
     * Re-shares each line by what arrived, from what members asked (not from their shares at close), with the round's
     * policy: firm quantities first, then tolerances, then what nobody accepts stays explicit (ADR 13). Counted in product steps, or in grams (thousandths) when the delivered quantity is
     * not a whole number of steps (weighed goods); what no member can take stays explicitly unallocated.
     */
    @EventHandler
    void on(ReceptionRecordedEvent event) {
        AllocationPolicy policy = jdbc.sql("SELECT allocation_policy FROM purchase_round WHERE id = :id").param("id", event.roundId().value())
                .query((rs, n) -> AllocationPolicy.valueOf(rs.getString(1))).optional().orElse(AllocationPolicy.PRO_RATA);
        record Line(String productId, BigDecimal step, BigDecimal ordered) {
        }
        List<Line> lines = jdbc.sql("SELECT product_id, step, quantity FROM supplier_order_line WHERE supplier_order_id = :id")
                .param("id", event.supplierOrderId())
                .query((rs, n) -> new Line(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
        for (Line line : lines) {
            Quantity delivered = event.delivered().getOrDefault(ProductId.of(line.productId()), new Quantity(line.ordered()));
            Quantity unit = delivered.isMultipleOf(new Quantity(line.step())) ? new Quantity(line.step()) : new Quantity(new BigDecimal("0.001"));
            List<Allocation.Claim> claims = jdbc.sql("""
                    SELECT a.member_id, a.asked, a.tolerance, o.first_submitted_at
                    FROM member_allocation a LEFT JOIN member_order o ON o.round_id = a.round_id AND o.member_id = a.member_id
                    WHERE a.round_id = :round AND a.supplier_order_id = :order AND a.product_id = :product""")
                    .param("round", event.roundId().value()).param("order", event.supplierOrderId()).param("product", line.productId())
                    .query((rs, n) -> new Allocation.Claim(MemberId.of(rs.getString(1)), new Quantity(rs.getBigDecimal(2)),
                            new Quantity(rs.getBigDecimal(3)), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                    .list();
            Allocation.Result shares = Allocation.allocate(delivered, unit, claims, policy);
            shares.allocated().forEach((member, received) -> jdbc.sql("""
                            UPDATE member_allocation SET received = :received
                            WHERE round_id = :round AND member_id = :member AND product_id = :product""")
                    .param("received", received.value()).param("round", event.roundId().value()).param("member", member.value())
                    .param("product", line.productId()).update());
            jdbc.sql("""
                    UPDATE supplier_order_line SET delivered = :delivered, delivered_unallocated = :left
                    WHERE supplier_order_id = :id AND product_id = :product""")
                    .param("delivered", delivered.value()).param("left", shares.unallocated().value())
                    .param("id", event.supplierOrderId()).param("product", line.productId()).update();
        }
        jdbc.sql("UPDATE supplier_order SET received_at = :at WHERE id = :id")
                .param("at", Timestamp.from(event.receivedAt())).param("id", event.supplierOrderId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE supplier_order_change").update();
        jdbc.sql("UPDATE supplier_order SET confirmed_version = 0, confirmed_at = NULL, received_at = NULL").update();
        jdbc.sql("UPDATE supplier_order_line SET delivered = NULL, delivered_unallocated = NULL").update();
        jdbc.sql("UPDATE member_allocation SET received = NULL").update();
    }
}
