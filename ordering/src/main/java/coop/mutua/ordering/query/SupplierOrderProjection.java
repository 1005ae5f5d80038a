package coop.mutua.ordering.query;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.ReadModel;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.BelowMinimumDecidedEvent;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.ReceptionRecordedEvent;
import coop.mutua.ordering.api.SupplierChangeReportedEvent;
import coop.mutua.ordering.api.SupplierOrderConfirmedEvent;
import coop.mutua.ordering.api.SupplierOrderInvoicedEvent;
import coop.mutua.ordering.api.SupplierOrderPooledEvent;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.domain.Allocation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** Supplier confirmations, reported changes and receptions onto the supplier orders the pooling job wrote. */
@Component
@ProcessingGroup(OrderingReadModels.SUPPLIER_ORDERS)
@ReadModel(tables = {"supplier_order_change", "member_purchase", "member_purchase_total"}, seeded = {"supplier_order", "supplier_order_line", "member_allocation"},
        alsoWrites = "purchase_round")
class SupplierOrderProjection {

    private final JdbcClient jdbc;

    SupplierOrderProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pooling job wrote the order with this status in the same transaction; a replay sets it again. */
    @EventHandler
    void on(SupplierOrderPooledEvent event) {
        status(event.supplierOrderId(), event.status());
    }

    /** The coordinator's decision on an order below its supplier's minimum: sent after all, or cancelled. */
    @EventHandler
    void on(BelowMinimumDecidedEvent event) {
        jdbc.sql("SELECT id FROM supplier_order WHERE round_id = :round AND supplier_id = :supplier")
                .param("round", event.roundId().value()).param("supplier", event.supplierId().value()).query(String.class).optional()
                .ifPresent(id -> status(SupplierOrderId.of(id), event.confirmed() ? SupplierOrderStatus.SENT : SupplierOrderStatus.CANCELLED));
        refreshRound(jdbc, event.roundId().value());
    }

    @EventHandler
    void on(SupplierOrderConfirmedEvent event) {
        jdbc.sql("""
                UPDATE supplier_order SET confirmed_version = :version, confirmed_at = :at,
                    status = CASE WHEN status IN ('SENT', 'CONFIRMED') THEN 'CONFIRMED' ELSE status END
                WHERE id = :id""")
                .param("id", event.supplierOrderId().value()).param("version", event.version())
                .param("at", Timestamp.from(event.confirmedAt())).update();
    }

    @EventHandler
    void on(SupplierOrderInvoicedEvent event) {
        status(event.supplierOrderId(), SupplierOrderStatus.INVOICED);
    }

    /**
     * Sets the order's status; its members' purchases are written again only when the order starts or stops counting
     * (RECEIVED and INVOICED count): an order invoiced after its reception, or pooled, or decided below its minimum,
     * bought nothing more or less (a replay saves two thirds of the purchases' statements).
     */
    private void status(SupplierOrderId supplierOrderId, SupplierOrderStatus status) {
        Optional<String> before = jdbc.sql("""
                UPDATE supplier_order o SET status = :status FROM (SELECT status FROM supplier_order WHERE id = :id FOR UPDATE) before
                WHERE o.id = :id RETURNING before.status""")
                .param("status", status.name()).param("id", supplierOrderId.value()).query(String.class).optional();
        if (before.isPresent() && counts(SupplierOrderStatus.valueOf(before.get())) != counts(status)) {
            refreshPurchases(supplierOrderId.value());
        }
    }

    private static boolean counts(SupplierOrderStatus status) {
        return status == SupplierOrderStatus.RECEIVED || status == SupplierOrderStatus.INVOICED;
    }

    /**
     * A round is RECEIVED once every supplier order that stands has arrived (and POOLED again if a decision or a
     * correction says otherwise); later statuses are not touched. A round whose every order was cancelled stays POOLED.
     */
    static void refreshRound(JdbcClient jdbc, String roundId) {
        jdbc.sql("""
                UPDATE purchase_round r SET status = CASE WHEN EXISTS (SELECT 1 FROM supplier_order o
                        WHERE o.round_id = r.id AND o.status IN ('BELOW_MINIMUM', 'SENT', 'CONFIRMED')) THEN 'POOLED' ELSE 'RECEIVED' END
                WHERE r.id = :id AND r.status IN ('POOLED', 'RECEIVED')
                  AND EXISTS (SELECT 1 FROM supplier_order o WHERE o.round_id = r.id AND o.status <> 'CANCELLED')""")
                .param("id", roundId).update();
    }

    @EventHandler
    void on(SupplierChangeReportedEvent event) {
        jdbc.sql("""
                INSERT INTO supplier_order_change (supplier_order_id, product_id, change, new_quantity, note, reported_at)
                VALUES (:id, :product, :change, :quantity, :note, :at)
                ON CONFLICT (supplier_order_id, product_id) DO UPDATE SET change = EXCLUDED.change,
                    new_quantity = EXCLUDED.new_quantity, note = EXCLUDED.note, reported_at = EXCLUDED.reported_at""")
                .param("id", event.supplierOrderId().value()).param("product", event.productId().value())
                .param("change", event.change().name())
                .param("quantity", event.newQuantity() == null ? null : event.newQuantity().value(), Types.NUMERIC)
                .param("note", event.note(), Types.VARCHAR).param("at", Timestamp.from(event.reportedAt()))
                .update();
    }

    /**
     * Re-shares each line by what arrived, from what members asked (not from their shares at close), with the round's
     * policy: firm quantities first, then tolerances, then what nobody accepts stays explicit (ADR 13). Counted in
     * product steps, or in grams (thousandths) when the delivered quantity is not a whole number of steps (weighed
     * goods).
     */
    @EventHandler
    void on(ReceptionRecordedEvent event, @MetaDataValue("userId") String statedBy) {
        AllocationPolicy policy = jdbc.sql("SELECT allocation_policy FROM purchase_round WHERE id = :id").param("id", event.roundId().value())
                .query((rs, n) -> AllocationPolicy.valueOf(rs.getString(1))).optional().orElse(AllocationPolicy.PRO_RATA);
        record Line(String productId, BigDecimal step, BigDecimal ordered) {
        }
        List<Line> lines = jdbc.sql("SELECT product_id, step, quantity FROM supplier_order_line WHERE supplier_order_id = :id")
                .param("id", event.supplierOrderId().value())
                .query((rs, n) -> new Line(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list();
        // Every member's claim on every line of the order, in one read (by member within a product). The member's order
        // is looked up share by share: as a join, the planner hashed every order of every round once member_order had
        // some 40,000 rows (a rebuild's growing table: 38 ms a reception, 0.8 ms this way).
        Map<String, List<Allocation.Claim>> claims = new HashMap<>();
        jdbc.sql("""
                SELECT a.product_id, a.member_id, a.asked, a.tolerance,
                       (SELECT o.first_submitted_at FROM member_order o WHERE o.round_id = a.round_id AND o.member_id = a.member_id)
                FROM member_allocation a
                WHERE a.supplier_order_id = :order
                ORDER BY a.product_id, a.member_id""")
                .param("order", event.supplierOrderId().value())
                .query((rs, n) -> claims.computeIfAbsent(rs.getString(1), product -> new ArrayList<>())
                        .add(new Allocation.Claim(MemberId.of(rs.getString(2)), new Quantity(rs.getBigDecimal(3)), new Quantity(rs.getBigDecimal(4)),
                                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())))
                .list();
        List<Object> shareMembers = new ArrayList<>();
        List<Object> shareProducts = new ArrayList<>();
        List<Object> shareQuantities = new ArrayList<>();
        List<Object> lineProducts = new ArrayList<>();
        List<Object> lineDelivered = new ArrayList<>();
        List<Object> lineLeft = new ArrayList<>();
        for (Line line : lines) {
            Quantity delivered = event.delivered().getOrDefault(ProductId.of(line.productId()), new Quantity(line.ordered()));
            Quantity unit = delivered.isMultipleOf(new Quantity(line.step())) ? new Quantity(line.step()) : new Quantity(new BigDecimal("0.001"));
            Allocation.Result shares = Allocation.allocate(delivered, unit, claims.getOrDefault(line.productId(), List.of()), policy);
            shares.allocated().forEach((member, received) -> {
                shareMembers.add(member.value());
                shareProducts.add(line.productId());
                shareQuantities.add(received.value());
            });
            lineProducts.add(line.productId());
            lineDelivered.add(delivered.value());
            lineLeft.add(shares.unallocated().value());
        }
        // Each member's share and each line's delivered quantity, one statement each.
        jdbc.sql("""
                UPDATE member_allocation a SET received = share.received
                FROM unnest(:members, :products, :received) AS share (member_id, product_id, received)
                WHERE a.round_id = :round AND a.member_id = share.member_id AND a.product_id = share.product_id""")
                .param("members", new SqlArrayValue("varchar", shareMembers.toArray()))
                .param("products", new SqlArrayValue("varchar", shareProducts.toArray()))
                .param("received", new SqlArrayValue("numeric", shareQuantities.toArray()))
                .param("round", event.roundId().value()).update();
        jdbc.sql("""
                UPDATE supplier_order_line l SET delivered = line.delivered, delivered_unallocated = line.unallocated
                FROM unnest(:products, :delivered, :unallocated) AS line (product_id, delivered, unallocated)
                WHERE l.supplier_order_id = :id AND l.product_id = line.product_id""")
                .param("products", new SqlArrayValue("varchar", lineProducts.toArray()))
                .param("delivered", new SqlArrayValue("numeric", lineDelivered.toArray()))
                .param("unallocated", new SqlArrayValue("numeric", lineLeft.toArray()))
                .param("id", event.supplierOrderId().value()).update();
        jdbc.sql("""
                UPDATE supplier_order SET received_at = :at, received_by = :by,
                    status = CASE WHEN status IN ('SENT', 'CONFIRMED', 'RECEIVED') THEN 'RECEIVED' ELSE status END
                WHERE id = :id""")
                .param("at", Timestamp.from(event.receivedAt())).param("by", statedBy, Types.VARCHAR)
                .param("id", event.supplierOrderId().value()).update();
        refreshRound(jdbc, event.roundId().value());
        refreshPurchases(event.supplierOrderId().value());
    }

    /**
     * What each member received from the order, in cents (each share rounded to the cent, half up, as the impact report
     * counts it), written again whenever the order's status or reception changes: only orders RECEIVED or INVOICED count.
     * The groupement's totals per member and supplier follow: the order's old rows taken out, its new rows added in.
     */
    private void refreshPurchases(String supplierOrderId) {
        jdbc.sql("""
                WITH old AS (DELETE FROM member_purchase WHERE supplier_order_id = :id
                             RETURNING groupement_id, member_id, supplier_id, spend_cents, list_cents, organic_cents)
                UPDATE member_purchase_total t SET spend_cents = t.spend_cents - old.spend_cents, list_cents = t.list_cents - old.list_cents,
                    organic_cents = t.organic_cents - old.organic_cents, purchases = t.purchases - 1
                FROM old
                WHERE t.groupement_id = old.groupement_id AND t.member_id = old.member_id AND t.supplier_id = old.supplier_id""")
                .param("id", supplierOrderId).update();
        jdbc.sql("""
                WITH added AS (
                    INSERT INTO member_purchase (supplier_order_id, member_id, groupement_id, round_id, supplier_id, spend_cents, list_cents,
                        organic_cents)
                    SELECT o.id, a.member_id, o.groupement_id, o.round_id, o.supplier_id,
                           sum(round(a.received * l.unit_price, 2) * 100)::BIGINT,
                           sum(greatest(round(a.received * l.unit_price, 2), round(a.received * l.list_price, 2)) * 100)::BIGINT,
                           sum(CASE WHEN l.organic THEN round(a.received * l.unit_price, 2) * 100 ELSE 0 END)::BIGINT
                    FROM supplier_order o
                    JOIN member_allocation a ON a.supplier_order_id = o.id
                    JOIN supplier_order_line l ON l.supplier_order_id = o.id AND l.product_id = a.product_id
                    WHERE o.id = :id AND o.status IN ('RECEIVED', 'INVOICED') AND a.received > 0
                    GROUP BY o.id, a.member_id, o.groupement_id, o.round_id, o.supplier_id
                    RETURNING groupement_id, member_id, supplier_id, spend_cents, list_cents, organic_cents)
                INSERT INTO member_purchase_total (groupement_id, member_id, supplier_id, spend_cents, list_cents, organic_cents, purchases)
                SELECT groupement_id, member_id, supplier_id, spend_cents, list_cents, organic_cents, 1 FROM added
                ON CONFLICT (groupement_id, member_id, supplier_id) DO UPDATE SET
                    spend_cents = member_purchase_total.spend_cents + EXCLUDED.spend_cents,
                    list_cents = member_purchase_total.list_cents + EXCLUDED.list_cents,
                    organic_cents = member_purchase_total.organic_cents + EXCLUDED.organic_cents,
                    purchases = member_purchase_total.purchases + 1""")
                .param("id", supplierOrderId).update();
        jdbc.sql("""
                DELETE FROM member_purchase_total WHERE purchases = 0
                  AND (groupement_id, supplier_id) = (SELECT groupement_id, supplier_id FROM supplier_order WHERE id = :id)""")
                .param("id", supplierOrderId).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE supplier_order_change").update();
        jdbc.sql("TRUNCATE member_purchase, member_purchase_total").update();
        jdbc.sql("""
                UPDATE supplier_order SET confirmed_version = 0, confirmed_at = NULL, received_at = NULL, received_by = NULL,
                    status = CASE WHEN total_excl_vat_cents = 0 THEN 'CANCELLED' WHEN below_minimum THEN 'BELOW_MINIMUM' ELSE 'SENT' END""")
                .update();
        jdbc.sql("UPDATE supplier_order_line SET delivered = NULL, delivered_unallocated = NULL").update();
        jdbc.sql("UPDATE member_allocation SET received = NULL").update();
    }
}
