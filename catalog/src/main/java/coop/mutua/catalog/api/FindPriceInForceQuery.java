package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ProductId;
import java.time.Instant;

/** The price and tiers of a product in force at an instant (what a round opened then has frozen). */
public record FindPriceInForceQuery(GroupementId groupementId, ProductId productId, Instant at) {
}
