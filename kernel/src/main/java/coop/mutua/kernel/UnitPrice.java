package coop.mutua.kernel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price per sale unit, excluding VAT, in euros: suppliers quote to a tenth of a cent or finer, so up to four
 * decimals are kept. Amounts (quantity x unit price) are rounded to the cent only when they become {@link Money}.
 */
public record UnitPrice(BigDecimal value) implements Comparable<UnitPrice> {

    public UnitPrice {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new DomainException("price.negative", value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 4) {
            throw new DomainException("price.too-many-decimals", value.toPlainString());
        }
        value = value.setScale(Math.max(2, value.stripTrailingZeros().scale()));
    }

    public static UnitPrice of(String text) {
        return new UnitPrice(Decimals.parse(text, "price"));
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
