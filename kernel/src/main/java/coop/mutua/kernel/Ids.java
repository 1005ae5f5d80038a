package coop.mutua.kernel;

import java.util.regex.Pattern;

/** Shared rule for identifiers: short, printable, no spaces, so that they are safe in URLs and logs. */
final class Ids {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Ids() {
    }

    static void requireWellFormed(String value, String type) {
        if (value == null || !WELL_FORMED.matcher(value).matches()) {
            throw new IllegalArgumentException(type + " must be 1 to 64 letters, digits, '-' or '_': " + value);
        }
    }
}
