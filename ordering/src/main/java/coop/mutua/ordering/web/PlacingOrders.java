package coop.mutua.ordering.web;

import coop.mutua.catalog.api.FindMemberQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.ProjectionCatchUp;
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
import coop.mutua.ordering.query.RoundQueries;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member (or a coordinator for a member) placing an order in an open round. Checks what needs other aggregates'
 * data from the read models (round open, member active, products on offer and their steps), then sends the
 * submission; the order aggregate checks quantities against the steps.
 */
@Component
public class PlacingOrders {

    static final String ORDERS = "ordering-orders";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RoundQueries rounds;
    private final ProjectionCatchUp catchUp;
    private final JdbcClient jdbc;
    /** An open round's offer never changes: its order steps are kept once read (rounds are few, offers small). */
    private final Map<RoundId, Map<ProductId, Quantity>> frozenSteps = new java.util.concurrent.ConcurrentHashMap<>();

    PlacingOrders(CommandGateway commands, QueryGateway queries, RoundQueries rounds, ProjectionCatchUp catchUp, JdbcClient jdbc) {
        this.commands = commands;
        this.queries = queries;
        this.rounds = rounds;
        this.catchUp = catchUp;
        this.jdbc = jdbc;
    }

    /**
     * Replaces the member's lines; with an idempotency key already used for this order, changes nothing.
     *
     * @return false when nothing was done because the key had been used
     */
    @Transactional
    public boolean submit(Actor actor, RoundId roundId, MemberId memberId, List<OrderLine> lines, String idempotencyKey) {
        String orderId = MemberOrderIds.of(roundId, orderingMember(actor, memberId).id());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            int fresh = jdbc.sql("INSERT INTO order_idempotency_key (order_id, key) VALUES (:order, :key) ON CONFLICT DO NOTHING")
                    .param("order", orderId).param("key", idempotencyKey.strip()).update();
            if (fresh == 0) {
                return false;
            }
        }
        PurchaseRoundSummary round = rounds.handle(new FindPurchaseRoundQuery(actor.groupementId(), roundId))
                .orElseThrow(() -> new NotFoundException("round", roundId));
        if (round.status() != RoundStatus.OPEN) {
            throw new DomainException("order.round-not-open", round.status());
        }
        Map<ProductId, Quantity> steps = frozenSteps.computeIfAbsent(roundId, id -> rounds.handle(
                        new FindRoundOfferQuery(actor.groupementId(), id)).stream()
                .collect(Collectors.toUnmodifiableMap(OfferedProduct::productId, product -> product.details().step())));
        commands.sendAndWait(new SubmitMemberOrderCommand(orderId, actor.groupementId(), roundId, memberId, lines, steps));
        return true;
    }

    /** Waits until the pooled totals include the submission (called after the submitting transaction commits). */
    void awaitPooled(RoundId roundId, MemberId memberId) {
        catchUp.await(ORDERS, MemberOrderIds.of(roundId, memberId));
    }

    /** A member orders for its own structure only; a coordinator for any active member of the groupement. */
    MemberSummary orderingMember(Actor actor, MemberId memberId) {
        if (actor.is(Role.MEMBER) && !memberId.equals(actor.memberId())) {
            throw new NotFoundException("member", memberId);
        }
        if (actor.is(Role.SUPPLIER)) {
            throw new NotFoundException("member", memberId);
        }
        MemberSummary member = queries.query(new FindMemberQuery(actor.groupementId(), memberId),
                        ResponseTypes.optionalInstanceOf(MemberSummary.class)).join()
                .orElseThrow(() -> new NotFoundException("member", memberId));
        if (!member.active()) {
            throw new DomainException("order.member-inactive", member.name());
        }
        return member;
    }
}
