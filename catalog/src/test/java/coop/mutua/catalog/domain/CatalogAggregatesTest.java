package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.AddProductCommand;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.GroupementRegisteredEvent;
import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductAddedEvent;
import coop.mutua.catalog.api.RegisterGroupementCommand;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class CatalogAggregatesTest {

    private static final GroupementId GIRONDE = GroupementId.of("gironde");
    private static final Address ADDRESS = new Address("12 quai de Brazza", "33100", "Bordeaux", "FR");
    private static final GeoPoint HUB = new GeoPoint(44.8487, -0.5546);

    @Test
    void registersAGroupementWithNormalisedIdentity() {
        new AggregateTestFixture<>(Groupement.class).givenNoPriorActivity()
                .when(new RegisterGroupementCommand(GIRONDE, "Achats Solidaires", "732 829 320 00074", "fr44 732829320",
                        VatRegime.REGISTERED, ADDRESS, HUB, "coordination@example.org"))
                .expectEvents(new GroupementRegisteredEvent(GIRONDE, "Achats Solidaires", "73282932000074", "FR44732829320",
                        VatRegime.REGISTERED, ADDRESS, HUB, "coordination@example.org"));
    }

    @Test
    void refusesAnInvalidSiretOrAMissingVatNumberWhenRegistered() {
        new AggregateTestFixture<>(Groupement.class).givenNoPriorActivity()
                .when(new RegisterGroupementCommand(GIRONDE, "Achats", "73282932000075", null, VatRegime.NOT_REGISTERED,
                        ADDRESS, HUB, "coordination@example.org"))
                .expectException(DomainException.class)
                .expectExceptionMessage("siret.checksum [73282932000075]");
        new AggregateTestFixture<>(Groupement.class).givenNoPriorActivity()
                .when(new RegisterGroupementCommand(GIRONDE, "Achats", "73282932000074", " ", VatRegime.REGISTERED,
                        ADDRESS, HUB, "coordination@example.org"))
                .expectException(DomainException.class)
                .expectExceptionMessage("groupement.vat-number-required");
    }

    @Test
    void addsAProductWithIncreasingTiers() {
        List<PriceTier> tiers = List.of(tier("50", "1.75"), tier("100", "1.60"));
        new AggregateTestFixture<>(Product.class).givenNoPriorActivity()
                .when(product(tiers, "10"))
                .expectEvents(new ProductAddedEvent(ProductId.of("carottes"), GIRONDE, SupplierId.of("gaec"), "CAR-10",
                        "Carottes", "Légumes", SaleUnit.KG, Quantity.of(1), Quantity.of(10), Quantity.ZERO,
                        UnitPrice.of("1.90"), VatRate.REDUCED, tiers, "Gironde", true));
    }

    @Test
    void refusesTiersThatDoNotIncreaseAndAZeroCaseSize() {
        new AggregateTestFixture<>(Product.class).givenNoPriorActivity()
                .when(product(List.of(tier("50", "1.75"), tier("50", "1.60")), "10"))
                .expectException(DomainException.class)
                .expectExceptionMessage("tiers.not-increasing [2]");
        new AggregateTestFixture<>(Product.class).givenNoPriorActivity()
                .when(product(List.of(tier("50", "1.75"), tier("100", "1.80")), "10"))
                .expectException(DomainException.class)
                .expectExceptionMessage("tiers.price-not-decreasing [2]");
        new AggregateTestFixture<>(Product.class).givenNoPriorActivity()
                .when(product(List.of(), "0"))
                .expectException(DomainException.class)
                .expectExceptionMessage("field.positive [caseSize]");
    }

    private static AddProductCommand product(List<PriceTier> tiers, String caseSize) {
        return new AddProductCommand(ProductId.of("carottes"), GIRONDE, SupplierId.of("gaec"), "CAR-10", "Carottes",
                "Légumes", SaleUnit.KG, Quantity.of(1), Quantity.of(caseSize), null, UnitPrice.of("1.90"), VatRate.REDUCED,
                tiers, "Gironde", true);
    }

    private static PriceTier tier(String from, String price) {
        return new PriceTier(Quantity.of(from), UnitPrice.of(price));
    }
}
