package coop.mutua.ordering.domain;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.MemberOrderIds;
import coop.mutua.ordering.api.MemberOrderSubmittedEvent;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.SubmitMemberOrderCommand;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberOrderTest {

    private static final Instant EARLIER = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final GroupementId GIRONDE = GroupementId.of("gironde");
    private static final RoundId ROUND = RoundId.of("round");
    private static final MemberId EPICERIE = MemberId.of("epicerie");
    private static final String ORDER = MemberOrderIds.of(ROUND, EPICERIE);
    private static final ProductId CARROTS = ProductId.of("carottes");
    private static final ProductId CHEESE = ProductId.of("tomme");
    private static final Map<ProductId, Quantity> STEPS = Map.of(CARROTS, Quantity.of(1), CHEESE, Quantity.of("0.5"));

    private AggregateTestFixture<MemberOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberOrder.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSubmissionReplacesAllLinesAndKeepsTheFirstSubmissionTime() {
        List<OrderLine> first = List.of(new OrderLine(CARROTS, Quantity.of(12), Quantity.of(3)));
        List<OrderLine> second = List.of(new OrderLine(CHEESE, Quantity.of("1.5"), null));
        fixture.givenNoPriorActivity()
                .when(submit(first))
                .expectEvents(new MemberOrderSubmittedEvent(ORDER, GIRONDE, ROUND, EPICERIE, first, NOW, NOW));
        fixture.given(new MemberOrderSubmittedEvent(ORDER, GIRONDE, ROUND, EPICERIE, first, EARLIER, EARLIER))
                .when(submit(second))
                .expectEvents(new MemberOrderSubmittedEvent(ORDER, GIRONDE, ROUND, EPICERIE,
                        List.of(new OrderLine(CHEESE, Quantity.of("1.5"), Quantity.ZERO)), EARLIER, NOW));
    }

    @Test
    void refusesQuantitiesOffStepProductsNotOnOfferAndDuplicates() {
        fixture.givenNoPriorActivity().when(submit(List.of(new OrderLine(CHEESE, Quantity.of("1.2"), Quantity.ZERO))))
                .expectException(DomainException.class).expectExceptionMessage("order.quantity-step [1.2, 0.5]");
        fixture.givenNoPriorActivity().when(submit(List.of(new OrderLine(CARROTS, Quantity.ZERO, Quantity.ZERO))))
                .expectException(DomainException.class).expectExceptionMessage("order.quantity-step [0, 1]");
        // A part of a step as tolerance could complete a case at pooling that no member's share could take.
        fixture.givenNoPriorActivity().when(submit(List.of(new OrderLine(CHEESE, Quantity.of("1"), Quantity.of("0.3")))))
                .expectException(DomainException.class).expectExceptionMessage("order.tolerance-step [0.3, 0.5]");
        fixture.givenNoPriorActivity().when(submit(List.of(new OrderLine(ProductId.of("autre"), Quantity.of(1), Quantity.ZERO))))
                .expectException(DomainException.class).expectExceptionMessage("order.not-on-offer [autre]");
        fixture.givenNoPriorActivity().when(submit(List.of(new OrderLine(CARROTS, Quantity.of(1), null),
                        new OrderLine(CARROTS, Quantity.of(2), null))))
                .expectException(DomainException.class).expectExceptionMessage("order.duplicate-line [carottes]");
    }

    @Test
    void anotherGroupementCannotTouchTheOrder() {
        fixture.given(new MemberOrderSubmittedEvent(ORDER, GIRONDE, ROUND, EPICERIE, List.of(), EARLIER, EARLIER))
                .when(new SubmitMemberOrderCommand(ORDER, GroupementId.of("landes"), ROUND, EPICERIE, List.of(), STEPS))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    private static SubmitMemberOrderCommand submit(List<OrderLine> lines) {
        return new SubmitMemberOrderCommand(ORDER, GIRONDE, ROUND, EPICERIE, lines, STEPS);
    }
}
