package coop.mutua.kernel;

import java.util.regex.Pattern;

/** Guards for the fields every command carries; each failure is a {@link DomainException} naming the field. */
public final class Require {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Require() {
    }

    /** A non-blank text of at most {@code maxLength} characters, returned stripped. */
    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainException("field.required", field);
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new DomainException("field.too-long", field, maxLength);
        }
        return stripped;
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
}
