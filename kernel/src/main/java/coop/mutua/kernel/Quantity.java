package coop.mutua.kernel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A non-negative quantity in a product's sale unit (pieces, kg, litres...), exact to the gram or millilitre:
 * at most three decimals. A quantity someone types (an order line, a case size, what arrived) is at most
 * {@link #MAX_TYPED}; a computed one (a pool's total) stays below {@link #LIMIT}, what the widest column holds.
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    /** The most anyone may type: a million units less a gram. Sums of many such lines still fit {@link #LIMIT}. */
    public static final BigDecimal MAX_TYPED = new BigDecimal("999999.999");
    /** Below what the read models hold (NUMERIC(14,3)). */
    public static final BigDecimal LIMIT = new BigDecimal("99999999999.999");
    /** After the limits, which its construction checks. */
    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new DomainException("quantity.negative", Decimals.shown(value));
        }
        Decimals.atMost(value, LIMIT, "quantity.too-large");
        if (value.stripTrailingZeros().scale() > 3) {
            throw new DomainException("quantity.too-many-decimals", Decimals.shown(value));
        }
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /** A quantity as typed ("2,5", "12"): at most {@link #MAX_TYPED}. */
    public static Quantity of(String text) {
        BigDecimal value = Decimals.parse(text, "quantity", MAX_TYPED);
        Decimals.atMost(value, MAX_TYPED, "quantity.too-large");
        return new Quantity(value);
    }

    public static Quantity of(long units) {
        return new Quantity(BigDecimal.valueOf(units));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isMultipleOf(Quantity step) {
        return !step.isZero() && value.remainder(step.value).signum() == 0;
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(other.value));
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
