package coop.mutua.ordering.domain;

import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.BelowMinimumDecidedEvent;
import coop.mutua.ordering.api.ConfirmSupplierOrderCommand;
import coop.mutua.ordering.api.DecideBelowMinimumCommand;
import coop.mutua.ordering.api.ReceptionRecordedEvent;
import coop.mutua.ordering.api.RecordReceptionCommand;
import coop.mutua.ordering.api.RecordSupplierOrderInvoicedCommand;
import coop.mutua.ordering.api.RecordSupplierOrderPooledCommand;
import coop.mutua.ordering.api.ReportSupplierChangeCommand;
import coop.mutua.ordering.api.SupplierChange;
import coop.mutua.ordering.api.SupplierChangeReportedEvent;
import coop.mutua.ordering.api.SupplierOrderConfirmedEvent;
import coop.mutua.ordering.api.SupplierOrderInvoicedEvent;
import coop.mutua.ordering.api.SupplierOrderPooledEvent;
import coop.mutua.ordering.api.SupplierOrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupplierOrderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final SupplierOrderId ORDER = SupplierOrderId.of("order-1");
    private static final GroupementId GIRONDE = GroupementId.of("gironde");
    private static final RoundId ROUND = RoundId.of("round-1");
    private static final SupplierId GAEC = SupplierId.of("gaec");
    private static final ProductId CARROTS = ProductId.of("carottes");

    private AggregateTestFixture<SupplierOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupplierOrder.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theSupplierConfirmsAVersionOnce() {
        SupplierOrderConfirmedEvent confirmed = new SupplierOrderConfirmedEvent(ORDER, GIRONDE, ROUND, GAEC, 1, NOW);
        fixture.givenNoPriorActivity().when(new ConfirmSupplierOrderCommand(ORDER, GIRONDE, ROUND, GAEC, 1)).expectEvents(confirmed);
        fixture.given(confirmed).when(new ConfirmSupplierOrderCommand(ORDER, GIRONDE, ROUND, GAEC, 1))
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.already-confirmed [1]");
        fixture.given(confirmed).when(new ConfirmSupplierOrderCommand(ORDER, GIRONDE, ROUND, GAEC, 2))
                .expectEvents(new SupplierOrderConfirmedEvent(ORDER, GIRONDE, ROUND, GAEC, 2, NOW));
        fixture.given(confirmed).when(new ConfirmSupplierOrderCommand(ORDER, GroupementId.of("landes"), ROUND, GAEC, 2))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void receptionRecordsWhatArrivedAndNoLineMeansAsOrdered() {
        fixture.givenNoPriorActivity()
                .when(new RecordReceptionCommand(ORDER, GIRONDE, ROUND, GAEC, Map.of(CARROTS, Quantity.of("9.5"))))
                .expectEvents(new ReceptionRecordedEvent(ORDER, GIRONDE, ROUND, GAEC, Map.of(CARROTS, Quantity.of("9.5")), NOW));
        fixture.given(pooled(SupplierOrderStatus.SENT))
                .when(new RecordReceptionCommand(ORDER, GIRONDE, ROUND, GAEC, Map.of()))
                .expectEvents(new ReceptionRecordedEvent(ORDER, GIRONDE, ROUND, GAEC, Map.of(), NOW));
    }

    @Test
    void laterStagesLockEarlierOnes() {
        SupplierOrderPooledEvent sent = pooled(SupplierOrderStatus.SENT);
        SupplierOrderPooledEvent below = pooled(SupplierOrderStatus.BELOW_MINIMUM);
        ReceptionRecordedEvent received = new ReceptionRecordedEvent(ORDER, GIRONDE, ROUND, GAEC, Map.of(), NOW);
        SupplierOrderInvoicedEvent invoiced = new SupplierOrderInvoicedEvent(ORDER, GIRONDE, ROUND, GAEC, "inv-1", NOW);
        ConfirmSupplierOrderCommand confirm = new ConfirmSupplierOrderCommand(ORDER, GIRONDE, ROUND, GAEC, 1);
        RecordReceptionCommand receive = new RecordReceptionCommand(ORDER, GIRONDE, ROUND, GAEC, Map.of());
        ReportSupplierChangeCommand report = new ReportSupplierChangeCommand(ORDER, GIRONDE, ROUND, GAEC, CARROTS,
                SupplierChange.OUT_OF_STOCK, null, null);

        fixture.given(below).when(confirm)
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.awaiting-decision");
        fixture.given(below).when(receive)
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.awaiting-decision");
        fixture.given(below).when(new DecideBelowMinimumCommand(ORDER, GIRONDE, ROUND, GAEC, true))
                .expectEvents(new BelowMinimumDecidedEvent(ROUND, GIRONDE, GAEC, true, NOW));
        fixture.given(below, new BelowMinimumDecidedEvent(ROUND, GIRONDE, GAEC, true, NOW)).when(confirm)
                .expectEvents(new SupplierOrderConfirmedEvent(ORDER, GIRONDE, ROUND, GAEC, 1, NOW));
        fixture.given(below, new BelowMinimumDecidedEvent(ROUND, GIRONDE, GAEC, false, NOW)).when(confirm)
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.locked [CANCELLED]");
        fixture.given(sent).when(new DecideBelowMinimumCommand(ORDER, GIRONDE, ROUND, GAEC, true))
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.no-decision-pending [gaec]");

        fixture.given(sent, received).when(confirm)
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.locked [RECEIVED]");
        fixture.given(sent, received).when(report)
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.locked [RECEIVED]");
        fixture.given(sent, received).when(receive).expectEvents(received);
        fixture.given(sent).when(new RecordSupplierOrderInvoicedCommand(ORDER, GIRONDE, ROUND, GAEC, "inv-1"))
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.not-received [SENT]");
        fixture.given(sent, received).when(new RecordSupplierOrderInvoicedCommand(ORDER, GIRONDE, ROUND, GAEC, "inv-1"))
                .expectEvents(invoiced);
        fixture.given(sent, received, invoiced).when(receive)
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.locked [INVOICED]");
        fixture.given(sent, received, invoiced).when(new RecordSupplierOrderInvoicedCommand(ORDER, GIRONDE, ROUND, GAEC, "inv-2"))
                .expectEvents(new SupplierOrderInvoicedEvent(ORDER, GIRONDE, ROUND, GAEC, "inv-2", NOW));
        fixture.given(pooled(SupplierOrderStatus.CANCELLED)).when(receive)
                .expectException(ConflictException.class).expectExceptionMessage("supplier-order.locked [CANCELLED]");
    }

    @Test
    void itsPoolingIsRecordedOnce() {
        fixture.givenNoPriorActivity()
                .when(new RecordSupplierOrderPooledCommand(ORDER, GIRONDE, ROUND, GAEC, SupplierOrderStatus.BELOW_MINIMUM))
                .expectEvents(pooled(SupplierOrderStatus.BELOW_MINIMUM));
        fixture.given(pooled(SupplierOrderStatus.SENT))
                .when(new RecordSupplierOrderPooledCommand(ORDER, GIRONDE, ROUND, GAEC, SupplierOrderStatus.SENT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RecordSupplierOrderPooledCommand(ORDER, GIRONDE, ROUND, GAEC, SupplierOrderStatus.INVOICED))
                .expectException(DomainException.class);
    }

    private static SupplierOrderPooledEvent pooled(SupplierOrderStatus status) {
        return new SupplierOrderPooledEvent(ORDER, GIRONDE, ROUND, GAEC, status, NOW);
    }

    @Test
    void reportedChangesSaySomethingUsable() {
        fixture.givenNoPriorActivity()
                .when(new ReportSupplierChangeCommand(ORDER, GIRONDE, ROUND, GAEC, CARROTS, SupplierChange.NEW_QUANTITY, Quantity.of(10), " gel "))
                .expectEvents(new SupplierChangeReportedEvent(ORDER, GIRONDE, ROUND, GAEC, CARROTS, SupplierChange.NEW_QUANTITY,
                        Quantity.of(10), "gel", NOW));
        fixture.givenNoPriorActivity()
                .when(new ReportSupplierChangeCommand(ORDER, GIRONDE, ROUND, GAEC, CARROTS, SupplierChange.OUT_OF_STOCK, Quantity.of(3), null))
                .expectEvents(new SupplierChangeReportedEvent(ORDER, GIRONDE, ROUND, GAEC, CARROTS, SupplierChange.OUT_OF_STOCK,
                        null, null, NOW));
        fixture.givenNoPriorActivity()
                .when(new ReportSupplierChangeCommand(ORDER, GIRONDE, ROUND, GAEC, CARROTS, SupplierChange.SUBSTITUTE, null, " "))
                .expectException(DomainException.class).expectExceptionMessage("supplier-order.substitute-needs-note");
        fixture.givenNoPriorActivity()
                .when(new ReportSupplierChangeCommand(ORDER, GIRONDE, ROUND, GAEC, CARROTS, SupplierChange.NEW_QUANTITY, null, null))
                .expectException(DomainException.class).expectExceptionMessage("field.required [newQuantity]");
    }
}
