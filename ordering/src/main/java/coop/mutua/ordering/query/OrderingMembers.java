package coop.mutua.ordering.query;

import coop.mutua.catalog.api.MemberDeactivatedEvent;
import coop.mutua.catalog.api.MemberReactivatedEvent;
import coop.mutua.catalog.api.MemberRegisteredEvent;
import coop.mutua.catalog.api.MemberUpdatedEvent;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.ReadModel;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The members as ordering needs them at every submission (groupement, name, active), kept from the catalog's events by
 * a subscribing processor: a member registered, deactivated or reactivated is so for ordering when the catalog's
 * command commits. Ordering reads its own table in the submission's transaction (see RoundIntake#admit) instead of
 * asking the catalog through the query bus on every order.
 */
@Component
@ProcessingGroup(OrderingMembers.PROCESSING_GROUP)
@ReadModel(tables = "ordering_member")
public class OrderingMembers {

    static final String PROCESSING_GROUP = "ordering-members";

    /** A member as seen by ordering. */
    public record OrderingMember(MemberId id, String name, boolean active) {
    }

    private final JdbcClient jdbc;

    OrderingMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member, if it is one of this groupement's. */
    public Optional<OrderingMember> find(GroupementId groupementId, MemberId memberId) {
        return jdbc.sql("SELECT name, active FROM ordering_member WHERE member_id = :member AND groupement_id = :groupement")
                .param("member", memberId.value()).param("groupement", groupementId.value())
                .query((rs, n) -> new OrderingMember(memberId, rs.getString(1), rs.getBoolean(2)))
                .optional();
    }

    @EventHandler
    void on(MemberRegisteredEvent event) {
        write(event.memberId(), event.groupementId(), event.name());
    }

    @EventHandler
    void on(MemberUpdatedEvent event) {
        write(event.memberId(), event.groupementId(), event.name());
    }

    @EventHandler
    void on(MemberDeactivatedEvent event) {
        setActive(event.memberId(), false);
    }

    @EventHandler
    void on(MemberReactivatedEvent event) {
        setActive(event.memberId(), true);
    }

    private void write(MemberId memberId, GroupementId groupementId, String name) {
        jdbc.sql("""
                INSERT INTO ordering_member (member_id, groupement_id, name, active) VALUES (:member, :groupement, :name, true)
                ON CONFLICT (member_id) DO UPDATE SET name = EXCLUDED.name""")
                .param("member", memberId.value()).param("groupement", groupementId.value()).param("name", name)
                .update();
    }

    private void setActive(MemberId memberId, boolean active) {
        jdbc.sql("UPDATE ordering_member SET active = :active WHERE member_id = :member")
                .param("active", active).param("member", memberId.value()).update();
    }
}
