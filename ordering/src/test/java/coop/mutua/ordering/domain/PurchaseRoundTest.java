package coop.mutua.ordering.domain;

import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PurchaseRoundTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final RoundId ROUND = RoundId.of("round-1");
    private static final GroupementId GIRONDE = GroupementId.of("gironde");

    private AggregateTestFixture<PurchaseRound> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PurchaseRound.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void createsARoundInDraft() {
        Instant closesAt = Instant.parse("2026-12-06T17:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new CreatePurchaseRoundCommand(ROUND, GIRONDE, "  Commande de décembre ", closesAt,
                        LocalDate.of(2026, 12, 10), "Entrepôt solidaire"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PurchaseRoundCreatedEvent(ROUND, GIRONDE, "Commande de décembre", closesAt,
                        LocalDate.of(2026, 12, 10), "Entrepôt solidaire"));
    }

    @Test
    void refusesADeadlineThatHasPassed() {
        fixture.givenNoPriorActivity()
                .when(new CreatePurchaseRoundCommand(ROUND, GIRONDE, "Trop tard", NOW, LocalDate.of(2026, 12, 1), "Ici"))
                .expectException(DomainException.class)
                .expectExceptionMessage("round.deadline-in-past")
                .expectNoEvents();
    }

    @Test
    void refusesADeliveryBeforeTheClosingDayInParis() {
        // 23:30 UTC on 5 December is already 6 December in Paris: delivery on the 5th would precede the close.
        fixture.givenNoPriorActivity()
                .when(new CreatePurchaseRoundCommand(ROUND, GIRONDE, "Livraison trop tôt", Instant.parse("2026-12-05T23:30:00Z"),
                        LocalDate.of(2026, 12, 5), "Ici"))
                .expectException(DomainException.class)
                .expectExceptionMessage("round.delivery-before-deadline")
                .expectNoEvents();
    }

    @Test
    void refusesABlankTitleOrPlace() {
        Instant closesAt = Instant.parse("2026-12-06T17:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new CreatePurchaseRoundCommand(ROUND, GIRONDE, " ", closesAt, LocalDate.of(2026, 12, 10), "Ici"))
                .expectException(DomainException.class)
                .expectExceptionMessage("field.required [title]");
        fixture.givenNoPriorActivity()
                .when(new CreatePurchaseRoundCommand(ROUND, GIRONDE, "Titre", closesAt, LocalDate.of(2026, 12, 10), null))
                .expectException(DomainException.class)
                .expectExceptionMessage("field.required [deliveryPlace]");
    }
}
