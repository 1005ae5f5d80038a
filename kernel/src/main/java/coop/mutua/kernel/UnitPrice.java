package coop.mutua.kernel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price per sale unit, excluding VAT, in euros: suppliers quote to a tenth of a cent or finer, so up to four
 * decimals are kept. Amounts (quantity x unit price) are rounded to the cent only when they become {@link Money}.
 */
public record UnitPrice(BigDecimal value) implements Comparable<UnitPrice> {

    /** The most a unit may cost as typed: a million euros less a hundredth of a cent. */
    public static final BigDecimal MAX_TYPED = new BigDecimal("999999.9999");
    /** Below what the read models hold (NUMERIC(12,4)). */
    public static final BigDecimal LIMIT = new BigDecimal("99999999.9999");

    public UnitPrice {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new DomainException("price.negative", Decimals.shown(value));
        }
        Decimals.atMost(value, LIMIT, "price.too-large");
        if (value.stripTrailingZeros().scale() > 4) {
            throw new DomainException("price.too-many-decimals", Decimals.shown(value));
        }
        value = value.setScale(Math.max(2, value.stripTrailingZeros().scale()));
    }

    /** A price as typed ("1,90"): at most {@link #MAX_TYPED}. */
    public static UnitPrice of(String text) {
        BigDecimal value = Decimals.parse(text, "price", MAX_TYPED);
        Decimals.atMost(value, MAX_TYPED, "price.too-large");
        return new UnitPrice(value);
    }

    /** The amount excluding VAT for a quantity, rounded to the cent. */
    public Money times(Quantity quantity) {
        return Money.rounded(value.multiply(quantity.value()));
    }

    @Override
    public int compareTo(UnitPrice other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
