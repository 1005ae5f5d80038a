package coop.mutua.billing.api;

import coop.mutua.kernel.Money;
import java.math.BigDecimal;

/**
 * Spend excl. VAT at the pooled prices, what the same quantities cost at the list price (tier 0), the savings, and the
 * spend with ESS suppliers, on organic products and with local suppliers, each with its share in percent.
 */
public record ImpactFigures(Money spend, Money listPrice, Money savings, BigDecimal savingsPercent, Money ess,
                            BigDecimal essPercent, Money organic, BigDecimal organicPercent, Money local, BigDecimal localPercent) {
}
