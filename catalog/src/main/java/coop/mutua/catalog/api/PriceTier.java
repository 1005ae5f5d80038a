package coop.mutua.catalog.api;

import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;

/** From this pooled quantity upwards, every unit costs this price (excl. VAT). */
public record PriceTier(Quantity fromQuantity, UnitPrice unitPrice) {
}
