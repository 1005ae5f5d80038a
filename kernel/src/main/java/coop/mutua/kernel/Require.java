package coop.mutua.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Guards for the fields every command carries; each failure is a {@link DomainException} naming the field. */
public final class Require {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The dates Mutua deals in (orders, deliveries, invoices, payments) lie in these years; PostgreSQL holds far fewer than Java. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private Require() {
    }

    /** A non-blank text of at most {@code maxLength} characters on one line, returned stripped. */
    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainException("field.required", field);
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new DomainException("field.too-long", field, maxLength);
        }
        return characters(stripped, field, false);
    }

    /** A text of several lines (a description, a note): line breaks and tabs allowed, other control characters not. */
    public static String paragraphs(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainException("field.required", field);
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new DomainException("field.too-long", field, maxLength);
        }
        return characters(stripped, field, true);
    }

    /**
     * Refuses what no one types and some stores cannot hold: NUL (PostgreSQL refuses it in any text), other control
     * characters, invisible format characters (but the joiners some scripts need), lone surrogates and non-characters.
     */
    public static String characters(String value, String field, boolean lineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean allowedBreak = lineBreaks && (c == '\n' || c == '\r' || c == '\t');
            if (!allowedBreak && (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                    || Character.getType(c) == Character.FORMAT && c != '\u200C' && c != '\u200D')) {
                throw new DomainException("field.characters", field);
            }
        }
        return value;
    }

    public static String email(String value, String field) {
        String text = text(value, field, 254);
        if (!EMAIL.matcher(text).matches()) {
            throw new DomainException("field.email", field, value);
        }
        return text;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new DomainException("field.required", field);
        }
        return value;
    }

    /** A date between {@link #EARLIEST} and {@link #LATEST}; null stays null. */
    public static LocalDate date(LocalDate value, String field) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new DomainException("field.date-range", field, EARLIEST.getYear(), LATEST.getYear());
        }
        return value;
    }

    /** An instant within the same years as {@link #date}; null stays null. */
    public static Instant instant(Instant value, String field) {
        if (value != null && (value.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !value.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            throw new DomainException("field.date-range", field, EARLIEST.getYear(), LATEST.getYear());
        }
        return value;
    }

    /**
     * Reads a field with a conversion whose refusal does not know the field's name ({@code Quantity.of(text)}): a
     * refusal then names it, so that the API and the forms show it at the right place.
     */
    public static <T> T named(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (DomainException refused) {
            if (refused.field().isPresent()) {
                throw refused;
            }
            throw new InvalidFieldException(field, refused.code(), refused.arguments());
        }
    }
}
