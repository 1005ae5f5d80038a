package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.AddProductCommand;
import coop.mutua.catalog.api.ChangeProductAvailabilityCommand;
import coop.mutua.catalog.api.ChangeProductPriceCommand;
import coop.mutua.catalog.api.ImportProductCommand;
import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductAddedEvent;
import coop.mutua.catalog.api.ProductAvailabilityChangedEvent;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductDetailsChangedEvent;
import coop.mutua.catalog.api.ProductIds;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.ProductPriceChangedEvent;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final GroupementId GIRONDE = GroupementId.of("gironde");
    private static final SupplierId GAEC = SupplierId.of("gaec");
    private static final SupplierId OTHER_SUPPLIER = SupplierId.of("autre");
    private static final ProductId CARROTS = ProductIds.of(GAEC, "CAR-10");
    private static final ProductDetails DETAILS = new ProductDetails("Carottes", "Légumes", SaleUnit.KG, Quantity.of(1),
            Quantity.of(10), Quantity.ZERO, VatRate.REDUCED, Set.of(ProductLabel.ORGANIC_AB), "Gironde");
    private static final ProductPrice PRICE = new ProductPrice(UnitPrice.of("1.90"), List.of(tier("50", "1.75"), tier("100", "1.60")));
    private static final ProductAddedEvent ADDED = new ProductAddedEvent(CARROTS, GIRONDE, GAEC, "CAR-10", DETAILS, PRICE, NOW);

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void addsAProductWithItsPriceInForceFromNow() {
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(CARROTS, GIRONDE, GAEC, " CAR-10 ", DETAILS, PRICE))
                .expectEvents(ADDED);
    }

    @Test
    void refusesTiersThatDoNotIncreaseAndACaseThatIsNotAWholeNumberOfSteps() {
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(CARROTS, GIRONDE, GAEC, "CAR-10", DETAILS,
                        new ProductPrice(UnitPrice.of("1.90"), List.of(tier("50", "1.75"), tier("50", "1.60")))))
                .expectException(DomainException.class).expectExceptionMessage("tiers.not-increasing [2]");
        fixture.givenNoPriorActivity()
                .when(new AddProductCommand(CARROTS, GIRONDE, GAEC, "CAR-10",
                        new ProductDetails("Carottes", "Légumes", SaleUnit.KG, Quantity.of(3), Quantity.of(10), Quantity.ZERO,
                                VatRate.REDUCED, Set.of(), null), PRICE))
                .expectException(DomainException.class).expectExceptionMessage("product.case-not-multiple-of-step [10, 3]");
    }

    @Test
    void schedulesAPriceChangeButNotInThePast() {
        ProductPrice summer = new ProductPrice(UnitPrice.of("1.70"), List.of());
        Instant nextMonth = Instant.parse("2026-12-26T00:00:00Z");
        fixture.given(ADDED)
                .when(new ChangeProductPriceCommand(CARROTS, GIRONDE, GAEC, summer, nextMonth))
                .expectEvents(new ProductPriceChangedEvent(CARROTS, GIRONDE, GAEC, summer, nextMonth));
        fixture.given(ADDED)
                .when(new ChangeProductPriceCommand(CARROTS, GIRONDE, GAEC, summer, Instant.parse("2026-11-01T00:00:00Z")))
                .expectException(DomainException.class).expectExceptionMessage("price.effective-in-past");
    }

    @Test
    void anotherSupplierOrGroupementCannotTouchTheProduct() {
        fixture.given(ADDED)
                .when(new ChangeProductAvailabilityCommand(CARROTS, GIRONDE, OTHER_SUPPLIER, false))
                .expectException(NotFoundException.class).expectNoEvents();
        fixture.given(ADDED)
                .when(new ChangeProductAvailabilityCommand(CARROTS, GroupementId.of("landes"), GAEC, false))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void importCreatesThenRecordsOnlyWhatChanged() {
        fixture.givenNoPriorActivity()
                .when(new ImportProductCommand(CARROTS, GIRONDE, GAEC, "CAR-10", DETAILS, PRICE, false))
                .expectEvents(ADDED, new ProductAvailabilityChangedEvent(CARROTS, GIRONDE, GAEC, false));
        fixture.given(ADDED)
                .when(new ImportProductCommand(CARROTS, GIRONDE, GAEC, "CAR-10", DETAILS, PRICE, true))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        ProductDetails renamed = new ProductDetails("Carottes nouvelles", "Légumes", SaleUnit.KG, Quantity.of(1),
                Quantity.of(10), Quantity.ZERO, VatRate.REDUCED, Set.of(ProductLabel.ORGANIC_AB), "Gironde");
        ProductPrice cheaper = new ProductPrice(UnitPrice.of("1.80"), List.of(tier("50", "1.70")));
        fixture.given(ADDED)
                .when(new ImportProductCommand(CARROTS, GIRONDE, GAEC, "CAR-10", renamed, cheaper, true))
                .expectEvents(new ProductDetailsChangedEvent(CARROTS, GIRONDE, GAEC, renamed),
                        new ProductPriceChangedEvent(CARROTS, GIRONDE, GAEC, cheaper, NOW));
    }

    private static PriceTier tier(String from, String price) {
        return new PriceTier(Quantity.of(from), UnitPrice.of(price));
    }
}
