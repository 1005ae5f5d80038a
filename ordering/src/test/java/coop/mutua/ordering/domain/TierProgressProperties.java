package coop.mutua.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TierProgressProperties {

    private static final ProductPrice CARROTS = new ProductPrice(UnitPrice.of("1.90"),
            List.of(new PriceTier(Quantity.of(50), UnitPrice.of("1.75")), new PriceTier(Quantity.of(100), UnitPrice.of("1.60"))));

    @Property
    void reachingTheNextTierGivesItsPriceAndNothingCheaperComesBefore(@ForAll @IntRange(max = 200) int pooled) {
        TierProgress progress = TierProgress.of(CARROTS, Quantity.of(pooled));

        assertThat(progress.unitPrice()).isEqualTo(CARROTS.unitPriceFor(Quantity.of(pooled)));
        if (progress.nextTier() != null) {
            int missing = progress.toNextTier().value().intValueExact();
            assertThat(missing).isPositive();
            assertThat(TierProgress.of(CARROTS, Quantity.of(pooled + missing)).unitPrice()).isEqualTo(progress.nextTier().unitPrice());
            assertThat(TierProgress.of(CARROTS, Quantity.of(pooled + missing - 1)).unitPrice()).isEqualTo(progress.unitPrice());
        } else {
            assertThat(progress.unitPrice()).isEqualTo(UnitPrice.of("1.60"));
        }
    }

    @Example
    void showsWhatUnlocksTheNextPrice() {
        TierProgress progress = TierProgress.of(CARROTS, Quantity.of(47));
        assertThat(progress.unitPrice()).isEqualTo(UnitPrice.of("1.90"));
        assertThat(progress.toNextTier()).isEqualTo(Quantity.of(3));
        assertThat(progress.nextTier().unitPrice()).isEqualTo(UnitPrice.of("1.75"));
    }
}
