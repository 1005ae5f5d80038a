package coop.mutua.ordering.query;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.PurchaseRoundCancelledEvent;
import coop.mutua.ordering.api.PurchaseRoundClosedEvent;
import coop.mutua.ordering.api.PurchaseRoundOpenedEvent;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate between members' orders and a round's close. Its row is written by a subscribing handler, so in the very
 * transaction that stores the round's opening, closing or cancellation; an order submission reads it with a shared
 * lock and stores its order in the same transaction. A close therefore waits for the submissions that passed the gate
 * to commit, and every submission after it finds the gate shut: each order is either in before the close or refused
 * (ADR 8).
 */
@Component
@ProcessingGroup(RoundIntake.PROCESSING_GROUP)
public class RoundIntake {

    static final String PROCESSING_GROUP = "ordering-intake";

    /** Where the gate of a round stands. */
    public enum State { OPEN, CLOSED, CANCELLED }

    private final JdbcClient jdbc;

    RoundIntake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The round's gate, share-locked until the caller's transaction ends (which must also store the order); empty when
     * the round never opened or is not this groupement's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<State> holdOpenState(GroupementId groupementId, RoundId roundId) {
        return jdbc.sql("SELECT state FROM round_intake WHERE round_id = :id AND groupement_id || '' = :groupement FOR SHARE")
                .param("id", roundId.value()).param("groupement", groupementId.value())
                .query((rs, n) -> State.valueOf(rs.getString(1)))
                .optional();
    }

    @EventHandler
    void on(PurchaseRoundOpenedEvent event) {
        set(event.roundId(), event.groupementId(), State.OPEN);
    }

    @EventHandler
    void on(PurchaseRoundClosedEvent event) {
        set(event.roundId(), event.groupementId(), State.CLOSED);
    }

    @EventHandler
    void on(PurchaseRoundCancelledEvent event) {
        set(event.roundId(), event.groupementId(), State.CANCELLED);
    }

    private void set(RoundId roundId, GroupementId groupementId, State state) {
        jdbc.sql("""
                INSERT INTO round_intake (round_id, groupement_id, state) VALUES (:id, :groupement, :state)
                ON CONFLICT (round_id) DO UPDATE SET state = EXCLUDED.state""")
                .param("id", roundId.value()).param("groupement", groupementId.value()).param("state", state.name())
                .update();
    }
}
