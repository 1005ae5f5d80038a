package coop.mutua.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ProductRulesProperties {

    /** Strictly increasing quantities with strictly decreasing prices, all below the list price. */
    @Provide
    Arbitrary<ProductPrice> validPrices() {
        return Arbitraries.integers().between(0, 6).flatMap(count -> Combinators.combine(
                        Arbitraries.integers().between(1, 1000).list().ofSize(count).uniqueElements(),
                        Arbitraries.integers().between(1, 99_999).list().ofSize(count + 1).uniqueElements())
                .as((quantities, cents) -> {
                    List<Integer> sortedQuantities = quantities.stream().sorted().toList();
                    List<Integer> sortedPrices = cents.stream().sorted((a, b) -> b - a).toList();
                    List<PriceTier> tiers = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        tiers.add(new PriceTier(Quantity.of(sortedQuantities.get(i)),
                                new UnitPrice(BigDecimal.valueOf(sortedPrices.get(i + 1), 2))));
                    }
                    return new ProductPrice(new UnitPrice(BigDecimal.valueOf(sortedPrices.get(0), 2)), tiers);
                }));
    }

    @Property
    void acceptsEveryWellOrderedPrice(@ForAll("validPrices") ProductPrice price) {
        assertThat(ProductRules.price(price)).isEqualTo(price);
    }

    @Property
    void refusesAPriceOnceTwoTiersAreSwapped(@ForAll("validPrices") ProductPrice price, @ForAll @IntRange(max = 10) int pick) {
        if (price.tiers().size() < 2) {
            return;
        }
        int i = pick % (price.tiers().size() - 1);
        List<PriceTier> swapped = new ArrayList<>(price.tiers());
        swapped.set(i, price.tiers().get(i + 1));
        swapped.set(i + 1, price.tiers().get(i));

        assertThatThrownBy(() -> ProductRules.price(new ProductPrice(price.unitPrice(), swapped)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).startsWith("tiers."));
    }

    @Property
    void refusesATierAtOrAboveTheListPrice(@ForAll("validPrices") ProductPrice price, @ForAll @IntRange(max = 500) int extraCents) {
        if (price.tiers().isEmpty()) {
            return;
        }
        List<PriceTier> tiers = new ArrayList<>(price.tiers());
        PriceTier first = tiers.get(0);
        tiers.set(0, new PriceTier(first.fromQuantity(), new UnitPrice(price.unitPrice().value().add(BigDecimal.valueOf(extraCents, 2)))));

        assertThatThrownBy(() -> ProductRules.price(new ProductPrice(price.unitPrice(), tiers)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("tiers.not-below-list-price"));
    }

    @Property
    void theTierPriceNeverRisesWithTheQuantity(@ForAll("validPrices") ProductPrice price,
                                               @ForAll @IntRange(max = 2000) int smaller, @ForAll @IntRange(max = 2000) int extra) {
        UnitPrice atSmaller = price.unitPriceFor(Quantity.of(smaller));
        UnitPrice atLarger = price.unitPriceFor(Quantity.of(smaller + extra));

        assertThat(atLarger).isLessThanOrEqualTo(atSmaller);
    }

    @Property
    void acceptsACaseExactlyWhenItIsAWholeNumberOfSteps(@ForAll @IntRange(min = 1, max = 50) int stepTenths,
                                                        @ForAll @IntRange(min = 1, max = 500) int caseTenths) {
        Quantity step = new Quantity(BigDecimal.valueOf(stepTenths, 1));
        Quantity caseSize = new Quantity(BigDecimal.valueOf(caseTenths, 1));
        ProductDetails details = new ProductDetails("Produit", "Catégorie", SaleUnit.KG, step, caseSize, Quantity.ZERO,
                VatRate.REDUCED, Set.of(), null);

        if (caseTenths % stepTenths == 0) {
            assertThat(ProductRules.details(details).caseSize()).isEqualTo(caseSize);
        } else {
            assertThatThrownBy(() -> ProductRules.details(details))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("product.case-not-multiple-of-step"));
        }
    }

    @Property
    void referencesAreShortPrintableKeys(@ForAll("references") String reference) {
        assertThat(ProductRules.reference(" " + reference + " ")).isEqualTo(reference);
    }

    @Provide
    Arbitrary<String> references() {
        return Combinators.combine(Arbitraries.strings().alpha().numeric().ofLength(1),
                Arbitraries.strings().withChars("ABCdef0123-._/ ").ofMaxLength(40)).as((first, rest) -> (first + rest).strip());
    }
}
