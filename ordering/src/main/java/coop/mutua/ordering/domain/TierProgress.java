package coop.mutua.ordering.domain;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;

/**
 * Where a pooled quantity stands on a product's volume tiers: the unit price it reaches (tiers apply to every unit),
 * and the next tier with the quantity still missing to reach it ("3 kg more unlocks 2.10 EUR/kg"). Pure function.
 */
public record TierProgress(UnitPrice unitPrice, PriceTier nextTier, Quantity toNextTier) {

    public static TierProgress of(ProductPrice price, Quantity pooled) {
        for (PriceTier tier : price.tiers()) {
            if (tier.fromQuantity().compareTo(pooled) > 0) {
                return new TierProgress(price.unitPriceFor(pooled), tier,
                        new Quantity(tier.fromQuantity().value().subtract(pooled.value())));
            }
        }
        return new TierProgress(price.unitPriceFor(pooled), null, Quantity.ZERO);
    }
}
