package coop.mutua.ordering.query;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ReadModel;
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
 * transaction that stores the round's opening, closing or cancellation; an order submission takes the round's gate lock
 * in shared mode, then reads the row, and stores its order in the same transaction. Shutting the gate takes the lock
 * exclusively first. A close therefore waits for the submissions that passed the gate to commit, and every submission
 * after it finds the gate shut: each order is either in before the close or refused (ADR 8).
 *
 * <p>The lock is a transaction-scoped PostgreSQL advisory lock, not a {@code FOR SHARE} row lock: a row lock shared by
 * concurrent submissions writes the row (a WAL record, then a multixact) on every order, the advisory lock only lives in
 * the lock manager. The shared lock must be granted before the row is read: in READ COMMITTED each statement reads the
 * data committed when it starts, so the read after a wait sees the close that ended it.
 */
@Component
@ProcessingGroup(RoundIntake.PROCESSING_GROUP)
@ReadModel(tables = "round_intake")
public class RoundIntake {

    static final String PROCESSING_GROUP = "ordering-intake";
    /** First key of the gate locks (advisory lock keys are global to the database: this names the kind). */
    private static final int GATE_LOCK_CLASS = 0x4d494e54;

    /** Where the gate of a round stands. */
    public enum State { OPEN, CLOSED, CANCELLED }

    private final JdbcClient jdbc;

    RoundIntake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a submission needs to know, read under the round's gate: where the gate stands (empty when the round never
     * opened or is not this groupement's) and the ordering member (empty when it is not one of this groupement's).
     */
    public record Admission(Optional<State> round, Optional<OrderingMembers.OrderingMember> member) {
    }

    /**
     * Takes the round's gate in shared mode until the caller's transaction ends (which must also store the order), then
     * reads the gate and the member in one statement.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Admission admit(GroupementId groupementId, RoundId roundId, MemberId memberId) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(:class, hashtext(:id))")
                .param("class", GATE_LOCK_CLASS).param("id", roundId.value())
                .query((rs, n) -> 1).single();
        return jdbc.sql("""
                SELECT (SELECT state FROM round_intake WHERE round_id = :round AND groupement_id || '' = :groupement),
                       member.name, member.active
                FROM (VALUES (1)) AS one
                LEFT JOIN ordering_member member ON member.member_id = :member AND member.groupement_id = :groupement""")
                .param("round", roundId.value()).param("groupement", groupementId.value()).param("member", memberId.value())
                .query((rs, n) -> new Admission(Optional.ofNullable(rs.getString(1)).map(State::valueOf),
                        rs.getString(2) == null ? Optional.empty()
                                : Optional.of(new OrderingMembers.OrderingMember(memberId, rs.getString(2), rs.getBoolean(3)))))
                .single();
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
        // Waits for the submissions holding the gate to commit; new ones queue behind this until the change commits.
        // Not in a rebuild: there the event is history, and the new table is not the one submissions read.
        jdbc.sql("SELECT pg_advisory_xact_lock(:class, hashtext(:id)) WHERE current_setting(:rebuilding, true) IS DISTINCT FROM 'on'")
                .param("class", GATE_LOCK_CLASS).param("id", roundId.value()).param("rebuilding", ReadModel.REBUILDING)
                .query().listOfRows();
        jdbc.sql("""
                INSERT INTO round_intake (round_id, groupement_id, state) VALUES (:id, :groupement, :state)
                ON CONFLICT (round_id) DO UPDATE SET state = EXCLUDED.state""")
                .param("id", roundId.value()).param("groupement", groupementId.value()).param("state", state.name())
                .update();
    }
}
