package coop.mutua.ordering.application;

import coop.mutua.kernel.Actor;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.FindRoundOfferQuery;
import coop.mutua.ordering.api.MemberOrderIds;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RoundStatus;
import coop.mutua.ordering.api.SubmitMemberOrderCommand;
import coop.mutua.ordering.query.OrderingMembers;
import coop.mutua.ordering.query.RoundIntake;
import coop.mutua.ordering.query.RoundQueries;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member (or a coordinator for a member) placing an order in an open round. Checks what needs other aggregates'
 * data from the read models (the member active, the round's intake gate: both read together under the gate's lock,
 * RoundIntake#admit), then sends the submission with the steps of the round's offer; the order aggregate refuses a
 * product that is not on offer and checks quantities against the steps. The order's lines are stored in the same transaction (subscribing projection),
 * so what is accepted is at once what the preview and the pooling read.
 */
@Component
public class PlacingOrders {

    private final CommandGateway commands;
    private final OrderingMembers members;
    private final RoundQueries rounds;
    private final RoundIntake intake;
    private final JdbcClient jdbc;
    /** An open round's offer never changes: its order steps are kept once read (rounds are few, offers small). */
    private final Map<RoundId, Map<ProductId, Quantity>> frozenSteps = new ConcurrentHashMap<>();

    PlacingOrders(CommandGateway commands, OrderingMembers members, RoundQueries rounds, RoundIntake intake, JdbcClient jdbc) {
        this.commands = commands;
        this.members = members;
        this.rounds = rounds;
        this.intake = intake;
        this.jdbc = jdbc;
    }

    /**
     * Replaces the member's lines; with an idempotency key already used for this order, changes nothing.
     *
     * @return false when nothing was done because the key had been used
     */
    @Transactional
    public boolean submit(Actor actor, RoundId roundId, MemberId memberId, List<OrderLine> lines, String idempotencyKey) {
        checkMayOrderFor(actor, memberId);
        String orderId = MemberOrderIds.of(roundId, memberId);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            int fresh = jdbc.sql("INSERT INTO order_idempotency_key (order_id, key) VALUES (:order, :key) ON CONFLICT DO NOTHING")
                    .param("order", orderId).param("key", idempotencyKey.strip()).update();
            if (fresh == 0) {
                // Nothing is written; the member is still checked, so that a retry never tells more than the first try.
                orderingMember(actor, memberId);
                return false;
            }
        }
        // The gate is held until this transaction, which also stores the order and its lines, commits: see RoundIntake.
        // A refusal below rolls the idempotency key back with everything else.
        RoundIntake.Admission admission = intake.admit(actor.groupementId(), roundId, memberId);
        checkActive(admission.member().orElseThrow(() -> new NotFoundException("member", memberId)));
        RoundIntake.State gate = admission.round().orElse(null);
        if (gate != RoundIntake.State.OPEN) {
            PurchaseRoundSummary round = rounds.handle(new FindPurchaseRoundQuery(actor.groupementId(), roundId))
                    .orElseThrow(() -> new NotFoundException("round", roundId));
            if (gate == RoundIntake.State.CLOSED) {
                throw new ConflictException("order.round-closed", round.title());
            }
            throw new ConflictException("order.round-not-open", gate == RoundIntake.State.CANCELLED ? RoundStatus.CANCELLED : round.status());
        }
        Map<ProductId, Quantity> steps = frozenSteps.computeIfAbsent(roundId, id -> rounds.handle(
                        new FindRoundOfferQuery(actor.groupementId(), id)).stream()
                .collect(Collectors.toUnmodifiableMap(OfferedProduct::productId, product -> product.details().step())));
        commands.sendAndWait(new SubmitMemberOrderCommand(orderId, actor.groupementId(), roundId, memberId, lines, steps));
        return true;
    }

    /** A member orders for its own structure only; a coordinator for any active member of the groupement. */
    public OrderingMembers.OrderingMember orderingMember(Actor actor, MemberId memberId) {
        checkMayOrderFor(actor, memberId);
        return checkActive(members.find(actor.groupementId(), memberId).orElseThrow(() -> new NotFoundException("member", memberId)));
    }

    private static void checkMayOrderFor(Actor actor, MemberId memberId) {
        if (actor.is(Role.MEMBER) && !memberId.equals(actor.memberId())) {
            throw new NotFoundException("member", memberId);
        }
        if (actor.is(Role.SUPPLIER)) {
            throw new NotFoundException("member", memberId);
        }
    }

    private static OrderingMembers.OrderingMember checkActive(OrderingMembers.OrderingMember member) {
        if (!member.active()) {
            throw new DomainException("order.member-inactive", member.name());
        }
        return member;
    }
}
