package coop.mutua.ordering.query;

import coop.mutua.kernel.ReadModel;
import coop.mutua.ordering.api.MemberOrderSubmittedEvent;
import coop.mutua.ordering.api.OrderLine;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
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
@ReadModel(tables = {"member_order", "member_order_line"})
class MemberOrderProjection {

    static final String PROCESSING_GROUP = "ordering-orders";

    /** The order's row, as a first submission inserts it. */
    private static final String ORDER_ROW = """
            INSERT INTO member_order (order_id, groupement_id, round_id, member_id, first_submitted_at, submitted_at)
            VALUES (:id, :groupement, :round, :member, :first, :at)""";
    /** The submitted lines, all in one statement. */
    private static final String ORDER_LINES = """
            INSERT INTO member_order_line (order_id, round_id, member_id, product_id, quantity, tolerance)
            SELECT :id, :round, :member, line.product, line.quantity, line.tolerance
            FROM unnest(:products, :quantities, :tolerances) AS line (product, quantity, tolerance)""";
    private static final String FIRST_SUBMISSION = "WITH header AS (" + ORDER_ROW + ") " + ORDER_LINES;
    private static final String LATER_SUBMISSION = "WITH header AS (" + ORDER_ROW
            + " ON CONFLICT (order_id) DO UPDATE SET submitted_at = EXCLUDED.submitted_at), "
            + "removed AS (DELETE FROM member_order_line WHERE order_id = :id AND product_id <> ALL (:kept)) "
            + ORDER_LINES + " ON CONFLICT (order_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity, tolerance = EXCLUDED.tolerance";

    private final JdbcClient jdbc;

    MemberOrderProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement, one round trip per submission. An order's first submission (the first event of its aggregate) has
     * nothing to replace: its row and lines are plainly inserted. A later one updates the row, removes the lines it no
     * longer has and updates or inserts the others (the removed and the written lines are different products, so the
     * parts of the statement never touch the same row; a line whose quantity changed is updated in place).
     */
    @EventHandler
    void on(MemberOrderSubmittedEvent event, @SequenceNumber long sequenceNumber) {
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
        JdbcClient.StatementSpec statement = jdbc.sql(sequenceNumber == 0 ? FIRST_SUBMISSION : LATER_SUBMISSION)
                .param("id", event.orderId()).param("groupement", event.groupementId().value())
                .param("round", event.roundId().value()).param("member", event.memberId().value())
                .param("first", Timestamp.from(event.firstSubmittedAt())).param("at", Timestamp.from(event.submittedAt()))
                .param("products", new SqlArrayValue("varchar", (Object[]) products))
                .param("quantities", new SqlArrayValue("numeric", (Object[]) quantities))
                .param("tolerances", new SqlArrayValue("numeric", (Object[]) tolerances));
        if (sequenceNumber > 0) {
            statement = statement.param("kept", new SqlArrayValue("varchar", (Object[]) products));
        }
        statement.update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE member_order_line, member_order").update();
    }
}
