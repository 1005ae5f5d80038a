package coop.mutua.kernel;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A non-negative quantity in a product's sale unit (pieces, kg, litres...), exact to the gram or millilitre:
 * at most three decimals.
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new DomainException("quantity.negative", value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 3) {
            throw new DomainException("quantity.too-many-decimals", value.toPlainString());
        }
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    public static Quantity of(String text) {
        return new Quantity(Decimals.parse(text, "quantity"));
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
