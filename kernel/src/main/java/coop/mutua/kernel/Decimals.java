package coop.mutua.kernel;

import java.math.BigDecimal;

/**
 * Reads a decimal typed by a person or sent by a client, bounded before anything else is done with it: "1e1000000" is a
 * short text but a million digits once written out, so magnitude and decimals are checked on the parsed form's precision
 * and scale, which costs nothing, and a refusal quotes at most the first characters of what was sent.
 */
public final class Decimals {

    /** No quantity, price or amount Mutua stores needs more: 15 integer digits, 15 decimals. */
    static final int MAX_DIGITS = 15;
    private static final int MAX_TEXT = 40;

    private Decimals() {
    }

    /** Reads {@code text}; {@code max}, when not null, is named in the refusal of an absurdly large number. */
    public static BigDecimal parse(String text, String what, BigDecimal max) {
        if (text == null || text.isBlank()) {
            throw new DomainException(what + ".missing");
        }
        String normalised = text.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.');
        if (normalised.length() > MAX_TEXT) {
            throw new DomainException(what + ".not-a-number", shown(text));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            throw new DomainException(what + ".not-a-number", shown(text));
        }
        if (value.signum() != 0 && (long) value.precision() - value.scale() > MAX_DIGITS) {
            throw max == null ? new DomainException(what + ".not-a-number", shown(text)) : new DomainException(what + ".too-large", shown(text), max);
        }
        if (value.scale() > MAX_DIGITS) {
            throw new DomainException(what + ".too-many-decimals", shown(text));
        }
        return value;
    }

    /** At most the first 40 characters of a value, for a message. */
    public static String shown(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    /** A decimal for a message: plain when short, else in scientific notation (never a million digits). */
    public static String shown(BigDecimal value) {
        return Math.abs((long) value.precision() - value.scale()) > MAX_TEXT || value.scale() > MAX_TEXT
                ? value.toString() : value.toPlainString();
    }

    /** Refuses a value of more than {@code max} in magnitude, naming the maximum. */
    static void atMost(BigDecimal value, BigDecimal max, String code) {
        if (value.abs().compareTo(max) > 0) {
            throw new DomainException(code, shown(value), max);
        }
    }
}
