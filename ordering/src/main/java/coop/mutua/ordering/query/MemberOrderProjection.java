package coop.mutua.ordering.query;

import coop.mutua.ordering.api.MemberOrderSubmittedEvent;
import coop.mutua.ordering.api.OrderLine;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Keeps members' orders and lines in step with their submissions; each submission replaces the lines. A subscribing
 * processor: the lines are stored in the submission's own transaction, under the round's intake gate (RoundIntake),
 * so the pooling at close reads exactly the orders accepted, and a member reads its order back at once.
 */
@Component
@ProcessingGroup(MemberOrderProjection.PROCESSING_GROUP)
class MemberOrderProjection {

    static final String PROCESSING_GROUP = "ordering-orders";

    private final JdbcClient jdbc;

    MemberOrderProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberOrderSubmittedEvent event) {
        jdbc.sql("""
                INSERT INTO member_order (order_id, groupement_id, round_id, member_id, first_submitted_at, submitted_at)
                VALUES (:id, :groupement, :round, :member, :first, :at)
                ON CONFLICT (order_id) DO UPDATE SET submitted_at = EXCLUDED.submitted_at""")
                .param("id", event.orderId()).param("groupement", event.groupementId().value())
                .param("round", event.roundId().value()).param("member", event.memberId().value())
                .param("first", Timestamp.from(event.firstSubmittedAt())).param("at", Timestamp.from(event.submittedAt()))
                .update();
        jdbc.sql("DELETE FROM member_order_line WHERE order_id = :id").param("id", event.orderId()).update();
        if (event.lines().isEmpty()) {
            return;
        }
        // All the lines in one statement: an order is a few dozen lines, one round trip instead of one per line.
        int count = event.lines().size();
        String[] products = new String[count];
        BigDecimal[] quantities = new BigDecimal[count];
        BigDecimal[] tolerances = new BigDecimal[count];
        for (int i = 0; i < count; i++) {
            OrderLine line = event.lines().get(i);
            products[i] = line.productId().value();
            quantities[i] = line.quantity().value();
            tolerances[i] = line.tolerance().value();
        }
        jdbc.sql("""
                INSERT INTO member_order_line (order_id, round_id, member_id, product_id, quantity, tolerance)
                SELECT :id, :round, :member, line.product, line.quantity, line.tolerance
                FROM unnest(:products, :quantities, :tolerances) AS line (product, quantity, tolerance)""")
                .param("id", event.orderId()).param("round", event.roundId().value()).param("member", event.memberId().value())
                .param("products", new SqlArrayValue("varchar", (Object[]) products))
                .param("quantities", new SqlArrayValue("numeric", (Object[]) quantities))
                .param("tolerances", new SqlArrayValue("numeric", (Object[]) tolerances))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE member_order_line, member_order").update();
    }
}
