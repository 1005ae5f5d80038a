package coop.mutua.catalog.api;

import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import java.util.List;

/** A list price excl. VAT and the volume tiers that lower it when the pooled quantity reaches them. */
public record ProductPrice(UnitPrice unitPrice, List<PriceTier> tiers) {

    public ProductPrice {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** The unit price that applies to a pooled quantity: the highest tier reached, else the list price. */
    public UnitPrice unitPriceFor(Quantity pooledQuantity) {
        UnitPrice price = unitPrice;
        for (PriceTier tier : tiers) {
            if (pooledQuantity.compareTo(tier.fromQuantity()) >= 0) {
                price = tier.unitPrice();
            }
        }
        return price;
    }
}
