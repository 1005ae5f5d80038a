package coop.mutua.catalog.api;

import coop.mutua.kernel.Money;

/**
 * What a supplier asks of a grouped order: a minimum amount excluding VAT, a delivery fee, waived from a free-shipping
 * threshold (zero: no minimum, no fee, no threshold).
 */
public record OrderingTerms(Money minimumOrder, Money freeShippingThreshold, Money deliveryFee) {
}
