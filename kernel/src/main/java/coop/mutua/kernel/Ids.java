package coop.mutua.kernel;

/** Shared rule for identifiers: short, printable, no spaces, so that they are safe in URLs and logs. */
final class Ids {

    private Ids() {
    }

    static void requireWellFormed(String value, String type) {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException(type + " must be 1 to 64 letters, digits, '-' or '_': " + value);
        }
    }

    /** [A-Za-z0-9_-]{1,64}, without a regular expression: ids are checked on every request, many per order. */
    private static boolean wellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
