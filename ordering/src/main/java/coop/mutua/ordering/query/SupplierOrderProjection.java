package coop.mutua.ordering.query;

import coop.mutua.ordering.api.SupplierChangeReportedEvent;
import coop.mutua.ordering.api.SupplierOrderConfirmedEvent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Supplier confirmations and reported changes onto the supplier orders the pooling job wrote. */
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

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE supplier_order_change").update();
        jdbc.sql("UPDATE supplier_order SET confirmed_version = 0, confirmed_at = NULL").update();
    }
}
