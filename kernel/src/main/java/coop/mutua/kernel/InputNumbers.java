package coop.mutua.kernel;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A number as a form shows it for editing, in the page's language: "2,5" in French, "2.5" in English, no grouping,
 * trailing zeros of quantities dropped. Every form reads both separators back (see {@link Quantity#of(String)}).
 */
public final class InputNumbers {

    private InputNumbers() {
    }

    /** An amount or a price: its scale kept ("150,00"). */
    public static String of(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        String plain = value.toPlainString();
        return locale != null && "fr".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }

    /** A quantity: trailing zeros dropped ("2,5", "10"). */
    public static String quantity(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        return of(plain.scale() < 0 ? plain.setScale(0) : plain, locale);
    }
}
