package coop.mutua.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonKey;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The VAT rates that apply in metropolitan France (CGI art. 278 to 281 nonies). Everywhere a rate is stored or sent
 * (columns, JSON documents, events, the API) it is its percentage as text: "20", "10", "5.5", "2.1" (ADR 12). Events
 * stored before that carry the constant's name, which {@link #of(String)} still reads.
 */
public enum VatRate {
    /** Standard rate: most non-food goods, cleaning products, equipment. */
    STANDARD("20"),
    /** Intermediate rate: catering, some agricultural products not for food. */
    INTERMEDIATE("10"),
    /** Reduced rate: food products, books, energy subscriptions. */
    REDUCED("5.5"),
    /** Special rate: press, some medicines. */
    SPECIAL("2.1");

    /** The longest text of a rate: what a column holding one must hold. */
    public static final int MAX_TEXT_LENGTH = 3;

    private final BigDecimal percent;

    VatRate(String percent) {
        this.percent = new BigDecimal(percent);
    }

    public BigDecimal percent() {
        return percent;
    }

    /** Accepts "20", "5.5", "5,5", "5.50": anything else is refused with a clear message. */
    public static VatRate ofPercent(String text) {
        BigDecimal value = Decimals.parse(text, "vat-rate", null);
        return Arrays.stream(values())
                .filter(rate -> rate.percent.compareTo(value) == 0)
                .findFirst()
                .orElseThrow(() -> new DomainException("vat-rate.unknown", text));
    }

    /** A rate as stored: its percentage, or (in events written before ADR 12) the constant's name. */
    @JsonCreator
    public static VatRate of(String text) {
        for (VatRate rate : values()) {
            if (rate.name().equals(text)) {
                return rate;
            }
        }
        return ofPercent(text);
    }

    /** The stored and sent form: the percentage as text ("5.5"). */
    @JsonValue
    @JsonKey
    public String text() {
        return percent.toPlainString();
    }

    @Override
    public String toString() {
        return text();
    }
}
