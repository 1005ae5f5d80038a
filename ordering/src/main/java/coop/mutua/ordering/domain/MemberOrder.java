package coop.mutua.ordering.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.MemberOrderIds;
import coop.mutua.ordering.api.MemberOrderSubmittedEvent;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.SubmitMemberOrderCommand;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's order in one round: one aggregate per (round, member), so that members ordering at the same time never
 * contend on a shared aggregate. A submission replaces all lines at once. The order page saves every change, so an order
 * may collect many submissions: a snapshot every {@value OrderingSnapshots#MEMBER_ORDER_EVENTS} events keeps loading it
 * cheap (its fields are what the snapshot holds).
 */
@Aggregate(snapshotTriggerDefinition = OrderingSnapshots.MEMBER_ORDER_TRIGGER)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class MemberOrder {

    @AggregateIdentifier
    private String orderId;
    private GroupementId groupementId;
    private RoundId roundId;
    private MemberId memberId;
    private Instant firstSubmittedAt;

    protected MemberOrder() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitMemberOrderCommand command, Clock clock) {
        Require.present(command.roundId(), "roundId");
        Require.present(command.memberId(), "memberId");
        if (!MemberOrderIds.of(command.roundId(), command.memberId()).equals(command.orderId())) {
            throw new IllegalArgumentException("order id " + command.orderId() + " is not derived from its round and member");
        }
        if (orderId != null && !groupementId.equals(command.groupementId())) {
            throw new NotFoundException("order", command.orderId());
        }
        List<OrderLine> lines = checkedLines(command);
        Instant now = clock.instant();
        apply(new MemberOrderSubmittedEvent(command.orderId(), Require.present(command.groupementId(), "groupementId"),
                command.roundId(), command.memberId(), lines, firstSubmittedAt == null ? now : firstSubmittedAt, now));
    }

    /**
     * Quantities positive multiples of the product's step, tolerances whole steps too (a part of a step could help
     * complete a case at pooling that nobody's share could then take), each product once.
     */
    static List<OrderLine> checkedLines(SubmitMemberOrderCommand command) {
        List<OrderLine> lines = new ArrayList<>();
        Set<ProductId> seen = new HashSet<>();
        List<OrderLine> given = command.lines() == null ? List.of() : command.lines();
        for (int i = 0; i < given.size(); i++) {
            OrderLine line = given.get(i);
            String at = "lines[" + i + "].productId";
            Require.present(line.productId(), at);
            Quantity step = command.steps() == null ? null : command.steps().get(line.productId());
            if (step == null) {
                throw new InvalidFieldException(at, "order.not-on-offer", line.productId());
            }
            if (!seen.add(line.productId())) {
                throw new InvalidFieldException(at, "order.duplicate-line", line.productId());
            }
            lines.add(checkedLine(line, step, "lines[" + i + "]."));
        }
        return List.copyOf(lines);
    }

    /** One line against its product's step: the quantity a positive multiple, the tolerance whole steps or none. */
    public static OrderLine checkedLine(OrderLine line, Quantity step) {
        return checkedLine(line, step, "");
    }

    /** The same, the refusal naming the line's fields under {@code at} ("lines[2]."). */
    static OrderLine checkedLine(OrderLine line, Quantity step, String at) {
        Quantity quantity = Require.present(line.quantity(), at + "quantity");
        if (quantity.isZero() || !quantity.isMultipleOf(step)) {
            throw new InvalidFieldException(at + "quantity", "order.quantity-step", quantity.value(), step.value());
        }
        Quantity tolerance = line.tolerance() == null ? Quantity.ZERO : line.tolerance();
        if (!tolerance.isZero() && !tolerance.isMultipleOf(step)) {
            throw new InvalidFieldException(at + "tolerance", "order.tolerance-step", tolerance.value(), step.value());
        }
        return new OrderLine(line.productId(), quantity, tolerance);
    }

    @EventSourcingHandler
    void on(MemberOrderSubmittedEvent event) {
        this.orderId = event.orderId();
        this.groupementId = event.groupementId();
        this.roundId = event.roundId();
        this.memberId = event.memberId();
        this.firstSubmittedAt = event.firstSubmittedAt();
    }
}
