package coop.mutua.ordering.query;

import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import coop.mutua.ordering.api.RoundStatus;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps the purchase_round table in step with the rounds' events; idempotent. */
@Component
@ProcessingGroup(PurchaseRoundProjection.PROCESSING_GROUP)
class PurchaseRoundProjection {

    static final String PROCESSING_GROUP = "ordering-rounds";

    private final JdbcClient jdbc;

    PurchaseRoundProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PurchaseRoundCreatedEvent event, @Timestamp Instant occurredAt) {
        jdbc.sql("""
                INSERT INTO purchase_round (id, groupement_id, title, status, closes_at, delivery_date, delivery_place, created_at)
                VALUES (:id, :groupement, :title, :status, :closesAt, :deliveryDate, :place, :createdAt)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", event.roundId().value())
                .param("groupement", event.groupementId().value())
                .param("title", event.title())
                .param("status", RoundStatus.DRAFT.name())
                .param("closesAt", java.sql.Timestamp.from(event.closesAt()))
                .param("deliveryDate", event.deliveryDate())
                .param("place", event.deliveryPlace())
                .param("createdAt", java.sql.Timestamp.from(occurredAt))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE purchase_round").update();
    }
}
