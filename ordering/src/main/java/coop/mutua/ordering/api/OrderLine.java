package coop.mutua.ordering.api;

import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;

/** One line of a member's order: a product on offer, the quantity wanted, and how much more the member accepts. */
public record OrderLine(ProductId productId, Quantity quantity, Quantity tolerance) {
}
