package coop.mutua.ordering.domain;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.ConfirmSupplierOrderCommand;
import coop.mutua.ordering.api.ReceptionRecordedEvent;
import coop.mutua.ordering.api.RecordReceptionCommand;
import coop.mutua.ordering.api.ReportSupplierChangeCommand;
import coop.mutua.ordering.api.SupplierChange;
import coop.mutua.ordering.api.SupplierChangeReportedEvent;
import coop.mutua.ordering.api.SupplierOrderConfirmedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupplierOrderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String ORDER = "order-1";
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
                .expectException(DomainException.class).expectExceptionMessage("supplier-order.already-confirmed [1]");
        fixture.given(confirmed).when(new ConfirmSupplierOrderCommand(ORDER, GIRONDE, ROUND, GAEC, 2))
                .expectEvents(new SupplierOrderConfirmedEvent(ORDER, GIRONDE, ROUND, GAEC, 2, NOW));
        fixture.given(confirmed).when(new ConfirmSupplierOrderCommand(ORDER, GroupementId.of("landes"), ROUND, GAEC, 2))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void receptionRecordsWhatArrivedNeverANegativeQuantity() {
        fixture.givenNoPriorActivity()
                .when(new RecordReceptionCommand(ORDER, GIRONDE, ROUND, GAEC, java.util.Map.of(CARROTS, Quantity.of("9.5"))))
                .expectEvents(new ReceptionRecordedEvent(ORDER, GIRONDE, ROUND, GAEC, java.util.Map.of(CARROTS, Quantity.of("9.5")), NOW));
        fixture.givenNoPriorActivity()
                .when(new RecordReceptionCommand(ORDER, GIRONDE, ROUND, GAEC, java.util.Map.of()))
                .expectException(DomainException.class).expectExceptionMessage("field.required [lines]");
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
