package coop.mutua.kernel;

import java.math.BigDecimal;

/** Parsing of decimal numbers as French users type them: "1 234,5" as well as "1234.5". */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new DomainException(what + ".missing");
        }
        String normalised = text.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.');
        try {
            return new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            throw new DomainException(what + ".not-a-number", text);
        }
    }
}
