package coop.mutua.ordering.domain;

import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.CancelPurchaseRoundCommand;
import coop.mutua.ordering.api.ClosePurchaseRoundCommand;
import coop.mutua.ordering.api.ClosingTrigger;
import coop.mutua.ordering.api.PurchaseRoundClosedEvent;
import coop.mutua.ordering.api.PurchaseRoundPooledEvent;
import coop.mutua.ordering.api.RecordPoolingCommand;
import coop.mutua.ordering.api.PurchaseRoundInvoicedEvent;
import coop.mutua.ordering.api.PurchaseRoundSettledEvent;
import coop.mutua.ordering.api.RecordRoundInvoicedCommand;
import coop.mutua.ordering.api.RecordRoundJobFailureCommand;
import coop.mutua.ordering.api.RecordRoundSettledCommand;
import coop.mutua.ordering.api.RetryRoundJobCommand;
import coop.mutua.ordering.api.RoundJob;
import coop.mutua.ordering.api.RoundJobFailedEvent;
import coop.mutua.ordering.api.RoundJobRetriedEvent;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OpenPurchaseRoundCommand;
import coop.mutua.ordering.api.PurchaseRoundCancelledEvent;
import coop.mutua.ordering.api.PurchaseRoundOpenedEvent;
import coop.mutua.ordering.api.RoundTermsSetEvent;
import coop.mutua.ordering.api.SetRoundTermsCommand;
import coop.mutua.ordering.api.PurchaseRoundCreatedEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
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

    private static final Instant CLOSES = Instant.parse("2026-12-06T17:00:00Z");
    private static final SupplierId GAEC = SupplierId.of("gaec");
    private static final PurchaseRoundCreatedEvent CREATED = new PurchaseRoundCreatedEvent(ROUND, GIRONDE, "Décembre", CLOSES,
            LocalDate.of(2026, 12, 10), "Entrepôt");
    private static final RoundTermsSetEvent TERMS = new RoundTermsSetEvent(ROUND, GIRONDE, Set.of(GAEC), AllocationPolicy.PRO_RATA,
            FeeSplitPolicy.BY_VALUE, BigDecimal.ZERO);

    private static OfferedProduct carrots(SupplierId supplier) {
        return new OfferedProduct(ProductId.of("carottes"), supplier, "CAR-10",
                new ProductDetails("Carottes", "Légumes", SaleUnit.KG, Quantity.of(1), Quantity.of(10), Quantity.ZERO,
                        VatRate.REDUCED, Set.of(), null),
                new ProductPrice(UnitPrice.of("1.90"), List.of()));
    }

    @Test
    void setsTermsWithDefaultPoliciesWhileInDraft() {
        fixture.given(CREATED)
                .when(new SetRoundTermsCommand(ROUND, GIRONDE, Set.of(GAEC), null, null, null))
                .expectEvents(TERMS);
        fixture.given(CREATED)
                .when(new SetRoundTermsCommand(ROUND, GIRONDE, Set.of(GAEC), AllocationPolicy.FIRST_COME, FeeSplitPolicy.EQUAL,
                        new BigDecimal("60")))
                .expectException(DomainException.class).expectExceptionMessage("round.fee-percent [60]");
    }

    @Test
    void opensWithAFrozenOfferFromItsSuppliersOnly() {
        fixture.given(CREATED, TERMS)
                .when(new OpenPurchaseRoundCommand(ROUND, GIRONDE, List.of(carrots(GAEC))))
                .expectEvents(new PurchaseRoundOpenedEvent(ROUND, GIRONDE, NOW, List.of(carrots(GAEC))));
        fixture.given(CREATED, TERMS)
                .when(new OpenPurchaseRoundCommand(ROUND, GIRONDE, List.of(carrots(SupplierId.of("autre")))))
                .expectException(DomainException.class).expectExceptionMessage("round.offer-outside-suppliers");
        fixture.given(CREATED, TERMS)
                .when(new OpenPurchaseRoundCommand(ROUND, GIRONDE, List.of()))
                .expectException(DomainException.class).expectExceptionMessage("round.empty-offer");
    }

    @Test
    void opensOnlyOnceAndTermsAreFrozenWhenOpen() {
        PurchaseRoundOpenedEvent opened = new PurchaseRoundOpenedEvent(ROUND, GIRONDE, NOW, List.of(carrots(GAEC)));
        fixture.given(CREATED, TERMS, opened)
                .when(new OpenPurchaseRoundCommand(ROUND, GIRONDE, List.of(carrots(GAEC))))
                .expectException(DomainException.class).expectExceptionMessage("round.not-draft [OPEN]");
        fixture.given(CREATED, TERMS, opened)
                .when(new SetRoundTermsCommand(ROUND, GIRONDE, Set.of(GAEC), null, null, null))
                .expectException(DomainException.class).expectExceptionMessage("round.not-draft [OPEN]");
    }

    @Test
    void cancelsFromDraftOrOpenButNotTwiceNorFromAnotherGroupement() {
        fixture.given(CREATED).when(new CancelPurchaseRoundCommand(ROUND, GIRONDE, " annulée "))
                .expectEvents(new PurchaseRoundCancelledEvent(ROUND, GIRONDE, "annulée"));
        fixture.given(CREATED, TERMS, new PurchaseRoundOpenedEvent(ROUND, GIRONDE, NOW, List.of(carrots(GAEC))))
                .when(new CancelPurchaseRoundCommand(ROUND, GIRONDE, null))
                .expectEvents(new PurchaseRoundCancelledEvent(ROUND, GIRONDE, null));
        fixture.given(CREATED, new PurchaseRoundCancelledEvent(ROUND, GIRONDE, null))
                .when(new CancelPurchaseRoundCommand(ROUND, GIRONDE, null))
                .expectException(DomainException.class).expectExceptionMessage("round.not-cancellable [CANCELLED]");
        fixture.given(CREATED).when(new CancelPurchaseRoundCommand(ROUND, GroupementId.of("landes"), null))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void closesOnceByTheCoordinatorAnytimeOrByTheScheduleAtTheDeadline() {
        PurchaseRoundOpenedEvent opened = new PurchaseRoundOpenedEvent(ROUND, GIRONDE, NOW, List.of(carrots(GAEC)));
        fixture.given(CREATED, TERMS, opened)
                .when(new ClosePurchaseRoundCommand(ROUND, GIRONDE, ClosingTrigger.COORDINATOR))
                .expectEvents(new PurchaseRoundClosedEvent(ROUND, GIRONDE, NOW, ClosingTrigger.COORDINATOR));
        fixture.given(CREATED, TERMS, opened)
                .when(new ClosePurchaseRoundCommand(ROUND, GIRONDE, ClosingTrigger.DEADLINE))
                .expectException(DomainException.class).expectExceptionMessage("round.deadline-not-reached").expectNoEvents();
        fixture.given(CREATED, TERMS, opened, new PurchaseRoundClosedEvent(ROUND, GIRONDE, NOW, ClosingTrigger.COORDINATOR))
                .when(new ClosePurchaseRoundCommand(ROUND, GIRONDE, ClosingTrigger.DEADLINE))
                .expectException(DomainException.class).expectExceptionMessage("round.not-open [CLOSED]");
        fixture.given(CREATED, TERMS, opened, new PurchaseRoundClosedEvent(ROUND, GIRONDE, NOW, ClosingTrigger.COORDINATOR))
                .when(new CancelPurchaseRoundCommand(ROUND, GIRONDE, null))
                .expectException(DomainException.class).expectExceptionMessage("round.not-cancellable [CLOSED]");
        fixture.given(CREATED, TERMS)
                .when(new ClosePurchaseRoundCommand(ROUND, GIRONDE, ClosingTrigger.COORDINATOR))
                .expectException(DomainException.class).expectExceptionMessage("round.not-open [DRAFT]");
        fixture.given(CREATED, TERMS, opened)
                .when(new ClosePurchaseRoundCommand(ROUND, GroupementId.of("landes"), ClosingTrigger.COORDINATOR))
                .expectException(NotFoundException.class).expectNoEvents();

        AggregateTestFixture<PurchaseRound> afterDeadline = new AggregateTestFixture<>(PurchaseRound.class);
        afterDeadline.registerInjectableResource(Clock.fixed(CLOSES.plusSeconds(1), ZoneOffset.UTC));
        afterDeadline.given(CREATED, TERMS, opened)
                .when(new ClosePurchaseRoundCommand(ROUND, GIRONDE, ClosingTrigger.DEADLINE))
                .expectEvents(new PurchaseRoundClosedEvent(ROUND, GIRONDE, CLOSES.plusSeconds(1), ClosingTrigger.DEADLINE));
    }

    @Test
    void recordsItsPoolingOnceThenItsInvoicingAndSettlementInThatOrder() {
        PurchaseRoundOpenedEvent opened = new PurchaseRoundOpenedEvent(ROUND, GIRONDE, NOW, List.of(carrots(GAEC)));
        PurchaseRoundClosedEvent closed = new PurchaseRoundClosedEvent(ROUND, GIRONDE, NOW, ClosingTrigger.COORDINATOR);
        PurchaseRoundPooledEvent pooled = new PurchaseRoundPooledEvent(ROUND, GIRONDE, NOW, 1, Set.of(GAEC));
        PurchaseRoundInvoicedEvent invoiced = new PurchaseRoundInvoicedEvent(ROUND, GIRONDE, 3, NOW);
        fixture.given(CREATED, TERMS, opened, closed)
                .when(new RecordPoolingCommand(ROUND, GIRONDE, 1, Set.of(GAEC)))
                .expectEvents(pooled);
        fixture.given(CREATED, TERMS, opened, closed, pooled)
                .when(new RecordPoolingCommand(ROUND, GIRONDE, 1, Set.of(GAEC)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(CREATED, TERMS, opened)
                .when(new RecordPoolingCommand(ROUND, GIRONDE, 1, Set.of()))
                .expectException(ConflictException.class).expectExceptionMessage("round.not-closed [OPEN]");
        fixture.given(CREATED, TERMS, opened, closed)
                .when(new RecordRoundInvoicedCommand(ROUND, GIRONDE, 3))
                .expectException(ConflictException.class).expectExceptionMessage("round.not-pooled [CLOSED]");
        fixture.given(CREATED, TERMS, opened, closed, pooled)
                .when(new RecordRoundSettledCommand(ROUND, GIRONDE))
                .expectException(ConflictException.class).expectExceptionMessage("round.not-invoiced [POOLED]");
        fixture.given(CREATED, TERMS, opened, closed, pooled)
                .when(new RecordRoundInvoicedCommand(ROUND, GIRONDE, 3))
                .expectEvents(invoiced);
        fixture.given(CREATED, TERMS, opened, closed, pooled, invoiced)
                .when(new RecordRoundSettledCommand(ROUND, GIRONDE))
                .expectEvents(new PurchaseRoundSettledEvent(ROUND, GIRONDE, NOW));
        fixture.given(CREATED, TERMS, opened, closed, pooled, invoiced, new PurchaseRoundSettledEvent(ROUND, GIRONDE, NOW))
                .when(new RecordRoundSettledCommand(ROUND, GIRONDE))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(CREATED, TERMS, opened, closed, pooled, invoiced)
                .when(new CancelPurchaseRoundCommand(ROUND, GIRONDE, "trop tard"))
                .expectException(ConflictException.class).expectExceptionMessage("round.not-cancellable [INVOICED]");
    }

    @Test
    void aFailedJobIsRecordedThenRetriedOnlyWhileItHasFailed() {
        PurchaseRoundOpenedEvent opened = new PurchaseRoundOpenedEvent(ROUND, GIRONDE, NOW, List.of(carrots(GAEC)));
        PurchaseRoundClosedEvent closed = new PurchaseRoundClosedEvent(ROUND, GIRONDE, NOW, ClosingTrigger.COORDINATOR);
        RoundJobFailedEvent failed = new RoundJobFailedEvent(ROUND, GIRONDE, RoundJob.POOLING, "value too long", 1,
                NOW.plusSeconds(30), NOW);
        fixture.given(CREATED, TERMS, opened, closed)
                .when(new RecordRoundJobFailureCommand(ROUND, GIRONDE, RoundJob.POOLING, " value too long ", 1, NOW.plusSeconds(30)))
                .expectEvents(failed);
        fixture.given(CREATED, TERMS, opened)
                .when(new RecordRoundJobFailureCommand(ROUND, GIRONDE, RoundJob.POOLING, "x", 1, null))
                .expectException(ConflictException.class);
        fixture.given(CREATED, TERMS, opened, closed)
                .when(new RetryRoundJobCommand(ROUND, GIRONDE, RoundJob.POOLING))
                .expectException(ConflictException.class).expectExceptionMessage("round.nothing-to-retry [POOLING]");
        fixture.given(CREATED, TERMS, opened, closed, failed)
                .when(new RetryRoundJobCommand(ROUND, GIRONDE, RoundJob.POOLING))
                .expectEvents(new RoundJobRetriedEvent(ROUND, GIRONDE, RoundJob.POOLING, NOW));
        fixture.given(CREATED, TERMS, opened, closed, failed)
                .when(new RetryRoundJobCommand(ROUND, GIRONDE, RoundJob.INVOICING))
                .expectException(ConflictException.class);
        fixture.given(CREATED, TERMS, opened, closed, failed)
                .when(new RecordPoolingCommand(ROUND, GIRONDE, 1, Set.of()))
                .expectEvents(new PurchaseRoundPooledEvent(ROUND, GIRONDE, NOW, 1, Set.of()));
    }

    @Test
    void anOpeningTimeMustComeBeforeTheDeadline() {
        fixture.givenNoPriorActivity()
                .when(new CreatePurchaseRoundCommand(ROUND, GIRONDE, "Décembre", CLOSES, LocalDate.of(2026, 12, 10), "Entrepôt",
                        NOW.plusSeconds(3600)))
                .expectEvents(new PurchaseRoundCreatedEvent(ROUND, GIRONDE, "Décembre", CLOSES, LocalDate.of(2026, 12, 10),
                        "Entrepôt", NOW.plusSeconds(3600)));
        fixture.givenNoPriorActivity()
                .when(new CreatePurchaseRoundCommand(ROUND, GIRONDE, "Décembre", CLOSES, LocalDate.of(2026, 12, 10), "Entrepôt", CLOSES))
                .expectException(DomainException.class).expectExceptionMessage("round.opening-after-deadline");
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
