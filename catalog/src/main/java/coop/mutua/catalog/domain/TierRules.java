package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.kernel.DomainException;
import java.util.List;

/** Volume tiers must be listed by strictly increasing quantity, each at a strictly lower price than the one before. */
final class TierRules {

    private TierRules() {
    }

    static void requireStrictlyIncreasing(List<PriceTier> tiers) {
        for (int i = 1; i < tiers.size(); i++) {
            PriceTier previous = tiers.get(i - 1);
            PriceTier tier = tiers.get(i);
            if (tier.fromQuantity().compareTo(previous.fromQuantity()) <= 0) {
                throw new DomainException("tiers.not-increasing", i + 1);
            }
            if (tier.unitPrice().compareTo(previous.unitPrice()) >= 0) {
                throw new DomainException("tiers.price-not-decreasing", i + 1);
            }
        }
    }
}
