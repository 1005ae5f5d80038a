package coop.mutua.ordering.query;

import coop.mutua.kernel.ReadModel;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.PurchaseRoundCancelledEvent;
import coop.mutua.ordering.api.PurchaseRoundClosedEvent;
import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import coop.mutua.ordering.api.PurchaseRoundInvoicedEvent;
import coop.mutua.ordering.api.PurchaseRoundOpenedEvent;
import coop.mutua.ordering.api.PurchaseRoundPooledEvent;
import coop.mutua.ordering.api.PurchaseRoundSettledEvent;
import coop.mutua.ordering.api.RoundJob;
import coop.mutua.ordering.api.RoundJobFailedEvent;
import coop.mutua.ordering.api.RoundJobRetriedEvent;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.RoundTermsSetEvent;
import java.sql.Types;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** Keeps the purchase_round table in step with the rounds' events; idempotent. */
@Component
@ProcessingGroup(PurchaseRoundProjection.PROCESSING_GROUP)
@ReadModel(tables = {"purchase_round", "round_supplier", "round_offer"})
class PurchaseRoundProjection {

    static final String PROCESSING_GROUP = OrderingReadModels.ROUNDS;
    private static final String NO_FAILURE = """
            failure_job = NULL, failure_reason = NULL, failure_attempts = NULL, failed_at = NULL, next_attempt_at = NULL""";

    private final JdbcClient jdbc;

    PurchaseRoundProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PurchaseRoundCreatedEvent event, @Timestamp Instant occurredAt) {
        jdbc.sql("""
                INSERT INTO purchase_round (id, groupement_id, title, status, closes_at, delivery_date, delivery_place, created_at,
                    opens_at)
                VALUES (:id, :groupement, :title, :status, :closesAt, :deliveryDate, :place, :createdAt, :opensAt)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.roundId().value())
                .param("groupement", event.groupementId().value())
                .param("title", event.title())
                .param("status", RoundStatus.DRAFT.name())
                .param("closesAt", at(event.closesAt()))
                .param("deliveryDate", event.deliveryDate())
                .param("place", event.deliveryPlace())
                .param("createdAt", at(occurredAt))
                .param("opensAt", event.opensAt() == null ? null : at(event.opensAt()), Types.TIMESTAMP)
                .update();
    }

    @EventHandler
    void on(RoundTermsSetEvent event) {
        jdbc.sql("""
                UPDATE purchase_round SET allocation_policy = :allocation, fee_split_policy = :feeSplit,
                    groupement_fee_percent = :fee WHERE id = :id""")
                .param("id", event.roundId().value()).param("allocation", event.allocationPolicy().name())
                .param("feeSplit", event.feeSplitPolicy().name()).param("fee", event.groupementFeePercent())
                .update();
        jdbc.sql("DELETE FROM round_supplier WHERE round_id = :id").param("id", event.roundId().value()).update();
        for (SupplierId supplier : event.suppliers()) {
            jdbc.sql("INSERT INTO round_supplier (round_id, supplier_id) VALUES (:id, :supplier)")
                    .param("id", event.roundId().value()).param("supplier", supplier.value()).update();
        }
    }

    @EventHandler
    void on(PurchaseRoundOpenedEvent event) {
        jdbc.sql("UPDATE purchase_round SET status = 'OPEN', opened_at = :at WHERE id = :id")
                .param("id", event.roundId().value()).param("at", at(event.openedAt())).update();
        // The whole offer in one statement (hundreds of products: one round trip, not one each).
        int count = event.offer().size();
        Object[] products = new Object[count];
        Object[] suppliers = new Object[count];
        Object[] references = new Object[count];
        Object[] names = new Object[count];
        Object[] categories = new Object[count];
        Object[] offered = new Object[count];
        for (int i = 0; i < count; i++) {
            OfferedProduct product = event.offer().get(i);
            products[i] = product.productId().value();
            suppliers[i] = product.supplierId().value();
            references[i] = product.reference();
            names[i] = product.details().name();
            categories[i] = product.details().category();
            offered[i] = OfferJson.write(product);
        }
        jdbc.sql("""
                INSERT INTO round_offer (round_id, product_id, groupement_id, supplier_id, reference, name, category, offered)
                SELECT :round, o.product, :groupement, o.supplier, o.reference, o.name, o.category, CAST(o.offered AS JSONB)
                FROM unnest(:products, :suppliers, :references, :names, :categories, :offered)
                    AS o (product, supplier, reference, name, category, offered)
                ON CONFLICT (round_id, product_id) DO NOTHING""")
                .param("round", event.roundId().value()).param("groupement", event.groupementId().value())
                .param("products", new SqlArrayValue("varchar", products)).param("suppliers", new SqlArrayValue("varchar", suppliers))
                .param("references", new SqlArrayValue("varchar", references)).param("names", new SqlArrayValue("varchar", names))
                .param("categories", new SqlArrayValue("varchar", categories)).param("offered", new SqlArrayValue("text", offered))
                .update();
    }

    @EventHandler
    void on(PurchaseRoundClosedEvent event) {
        jdbc.sql("UPDATE purchase_round SET status = 'CLOSED', closed_at = :at, closed_by = :trigger WHERE id = :id")
                .param("id", event.roundId().value()).param("at", at(event.closedAt()))
                .param("trigger", event.trigger().name()).update();
    }

    @EventHandler
    void on(PurchaseRoundPooledEvent event) {
        jdbc.sql("UPDATE purchase_round SET status = 'POOLED', pooled_at = :at, " + NO_FAILURE + " WHERE id = :id")
                .param("id", event.roundId().value()).param("at", at(event.pooledAt())).update();
        SupplierOrderProjection.refreshRound(jdbc, event.roundId().value());
    }

    @EventHandler
    void on(RoundJobFailedEvent event) {
        jdbc.sql("""
                UPDATE purchase_round SET status = :status, failure_job = :job, failure_reason = :reason,
                    failure_attempts = :attempt, failed_at = :at, next_attempt_at = :next
                WHERE id = :id""")
                .param("id", event.roundId().value()).param("status", RoundStatus.failed(event.job()).name())
                .param("job", event.job().name()).param("reason", event.reason()).param("attempt", event.attempt())
                .param("at", at(event.failedAt()))
                .param("next", event.nextAttemptAt() == null ? null : at(event.nextAttemptAt()), Types.TIMESTAMP)
                .update();
    }

    /** Retried: the failure is no longer shown, and the round is back where the job started from. */
    @EventHandler
    void on(RoundJobRetriedEvent event) {
        jdbc.sql("UPDATE purchase_round SET status = :status, " + NO_FAILURE + " WHERE id = :id")
                .param("id", event.roundId().value())
                .param("status", event.job() == RoundJob.POOLING ? RoundStatus.CLOSED.name() : RoundStatus.RECEIVED.name())
                .update();
    }

    @EventHandler
    void on(PurchaseRoundInvoicedEvent event) {
        jdbc.sql("UPDATE purchase_round SET status = 'INVOICED', invoiced_at = :at, " + NO_FAILURE + " WHERE id = :id")
                .param("id", event.roundId().value()).param("at", at(event.invoicedAt())).update();
    }

    @EventHandler
    void on(PurchaseRoundSettledEvent event) {
        jdbc.sql("UPDATE purchase_round SET status = 'SETTLED', settled_at = :at WHERE id = :id")
                .param("id", event.roundId().value()).param("at", at(event.settledAt())).update();
    }

    @EventHandler
    void on(PurchaseRoundCancelledEvent event) {
        jdbc.sql("UPDATE purchase_round SET status = 'CANCELLED', cancel_reason = :reason WHERE id = :id")
                .param("id", event.roundId().value()).param("reason", event.reason()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE purchase_round, round_supplier, round_offer").update();
    }

    private static java.sql.Timestamp at(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
