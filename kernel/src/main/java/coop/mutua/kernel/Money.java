package coop.mutua.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in euros, held as a whole number of cents so that sums are exact. Never a double.
 * Serialised as {@code "12.30"} in the API.
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** The most an amount typed or sent may be, either sign: a billion euros less a cent. */
    public static final BigDecimal MAX_TYPED = new BigDecimal("999999999.99");

    /** Parses "12.3", "12,30" or "-4": more than two decimals is refused rather than silently rounded. */
    public static Money parse(String text) {
        BigDecimal value = Decimals.parse(text, "amount", MAX_TYPED);
        Decimals.atMost(value, MAX_TYPED, "amount.too-large");
        if (value.stripTrailingZeros().scale() > 2) {
            throw new DomainException("amount.too-many-decimals", Decimals.shown(text));
        }
        return of(value);
    }

    /** Converts an exact amount with at most two decimals. */
    public static Money of(BigDecimal euros) {
        return new Money(cents(euros.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY)));
    }

    /** Rounds an amount with more decimals to the cent, half up (the usual commercial rounding in France). */
    public static Money rounded(BigDecimal euros) {
        return new Money(cents(euros.setScale(2, RoundingMode.HALF_UP).movePointRight(2)));
    }

    private static long cents(BigDecimal cents) {
        try {
            return cents.longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new DomainException("amount.too-large", Decimals.shown(cents.movePointLeft(2)), MAX_TYPED);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money negate() {
        return new Money(Math.negateExact(cents));
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    /** "12.30": two decimals, a dot, no currency sign; the form used in the API and CSV exports. */
    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
