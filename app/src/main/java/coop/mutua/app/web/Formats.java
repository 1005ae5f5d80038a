package coop.mutua.app.web;

import coop.mutua.kernel.InputNumbers;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Numbers as the page's language writes them, for templates as {@code #fmt}: "2,5 kg", "3,40 €" and "5,5 %" in French,
 * "2.5 kg", "€3.40" and "5.5%" in English. Input values ({@link #input}) use the same decimal separator without
 * grouping, and every form reads both separators back. Null prints as an empty string.
 */
public final class Formats {

    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale == null ? Locale.FRENCH : locale;
    }

    /** An amount in euros with its currency sign where the language puts it: "1 234,50 €", "€1,234.50". */
    public String money(Object amount) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getLanguage().equals("en") ? Locale.UK : Locale.FRANCE);
        format.setCurrency(Currency.getInstance("EUR"));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(value.scale() > 2 ? Math.min(value.stripTrailingZeros().scale(), 4) : 2);
        return format.format(value);
    }

    /** A quantity or any plain number with the digits it has, trailing zeros dropped: "7,5", "12", "1 000". */
    public String number(Object number) {
        BigDecimal value = decimal(number);
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        DecimalFormat format = new DecimalFormat("#,##0", symbols());
        format.setMaximumFractionDigits(Math.max(0, plain.scale()));
        format.setMinimumFractionDigits(Math.max(0, plain.scale()));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(plain);
    }

    /** A quantity with its unit: "2,5 kg". */
    public String quantity(Object number, String unit) {
        String text = number(number);
        return unit == null || unit.isBlank() || text.isEmpty() ? text : text + "\u00a0" + unit;
    }

    /** A percentage: "5,5 %" in French (with a no-break space), "5.5%" in English. */
    public String percent(Object number) {
        String text = number(number);
        if (text.isEmpty()) {
            return text;
        }
        return locale.getLanguage().equals("fr") ? text + "\u00a0%" : text + "%";
    }

    /** The value of an input: the language's decimal separator, no grouping, the scale kept ("5,10"). */
    public String input(Object number) {
        return InputNumbers.of(decimal(number), locale);
    }

    /** The same for a quantity, without trailing zeros ("2,5" rather than "2,500"). */
    public String inputNumber(Object number) {
        return InputNumbers.quantity(decimal(number), locale);
    }

    private DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale.getLanguage().equals("en") ? Locale.UK : Locale.FRANCE);
        if (symbols.getGroupingSeparator() == '\u202f' || symbols.getGroupingSeparator() == '\u00a0') {
            symbols.setGroupingSeparator('\u202f');
        }
        return symbols;
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Money money) {
            return money.toBigDecimal();
        }
        if (value instanceof Quantity quantity) {
            return quantity.value();
        }
        if (value instanceof UnitPrice price) {
            return price.value();
        }
        if (value instanceof VatRate rate) {
            return rate.percent();
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return new BigDecimal(value.toString());
    }
}
