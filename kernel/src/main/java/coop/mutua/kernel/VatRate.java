package coop.mutua.kernel;

import java.math.BigDecimal;
import java.util.Arrays;

/** The VAT rates that apply in metropolitan France (CGI art. 278 to 281 nonies). */
public enum VatRate {
    /** Standard rate: most non-food goods, cleaning products, equipment. */
    STANDARD("20"),
    /** Intermediate rate: catering, some agricultural products not for food. */
    INTERMEDIATE("10"),
    /** Reduced rate: food products, books, energy subscriptions. */
    REDUCED("5.5"),
    /** Special rate: press, some medicines. */
    SPECIAL("2.1");

    private final BigDecimal percent;

    VatRate(String percent) {
        this.percent = new BigDecimal(percent);
    }

    public BigDecimal percent() {
        return percent;
    }

    /** Accepts "20", "5.5", "5,5", "5.50": anything else is refused with a clear message. */
    public static VatRate ofPercent(String text) {
        BigDecimal value = Decimals.parse(text, "vat-rate");
        return Arrays.stream(values())
                .filter(rate -> rate.percent.compareTo(value) == 0)
                .findFirst()
                .orElseThrow(() -> new DomainException("vat-rate.unknown", text));
    }

    @Override
    public String toString() {
        return percent.toPlainString();
    }
}
