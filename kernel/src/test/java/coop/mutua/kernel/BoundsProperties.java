package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The bounds that keep every value within what the read models hold (issue 15): typed quantities, prices and amounts up to
 * their maximum and not beyond, absurd numbers refused at once, characters PostgreSQL refuses never accepted, dates within
 * the years Mutua deals in.
 */
class BoundsProperties {

    @Property
    void typedQuantitiesUpToTheMaximumAreKeptAndBeyondRefused(@ForAll @LongRange(min = 0, max = 2_000_000_000L) long thousandths) {
        BigDecimal value = BigDecimal.valueOf(thousandths, 3);
        if (value.compareTo(Quantity.MAX_TYPED) <= 0) {
            assertThat(Quantity.of(value.toPlainString()).value()).isEqualByComparingTo(value);
        } else {
            assertThatThrownBy(() -> Quantity.of(value.toPlainString())).isInstanceOfSatisfying(DomainException.class,
                    refused -> assertThat(refused.code()).isEqualTo("quantity.too-large"));
        }
    }

    @Property
    void typedPricesAndAmountsAreBounded(@ForAll @LongRange(min = 0, max = 2_000_000_000_000L) long tenThousandths) {
        BigDecimal price = BigDecimal.valueOf(tenThousandths, 4);
        if (price.compareTo(UnitPrice.MAX_TYPED) <= 0) {
            assertThat(UnitPrice.of(price.toPlainString()).value()).isEqualByComparingTo(price);
        } else {
            assertThatThrownBy(() -> UnitPrice.of(price.toPlainString())).isInstanceOf(DomainException.class);
        }
        BigDecimal amount = BigDecimal.valueOf(tenThousandths, 2);
        if (amount.compareTo(Money.MAX_TYPED) <= 0) {
            assertThat(Money.parse(amount.toPlainString()).toBigDecimal()).isEqualByComparingTo(amount);
            assertThat(Money.parse("-" + amount.toPlainString()).toBigDecimal()).isEqualByComparingTo(amount.negate());
        } else {
            assertThatThrownBy(() -> Money.parse(amount.toPlainString())).isInstanceOfSatisfying(DomainException.class,
                    refused -> assertThat(refused.code()).isEqualTo("amount.too-large"));
        }
    }

    /** "1e1000000" is nine characters: it must cost nothing to refuse, whatever the exponent's sign. */
    @Property(tries = 200)
    void absurdExponentsAreRefusedAtOnce(@ForAll @IntRange(min = 16, max = Integer.MAX_VALUE) int exponent,
                                         @ForAll boolean negative) {
        String text = "1e" + (negative ? "-" : "") + exponent;
        long started = System.nanoTime();
        for (Supplier<Object> parse : List.<Supplier<Object>>of(
                () -> Quantity.of(text), () -> UnitPrice.of(text), () -> Money.parse(text))) {
            assertThatThrownBy(parse::get).isInstanceOf(DomainException.class);
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(50);
    }

    @Property
    void anyControlCharacterIsRefusedInATextAndOnlyLineBreaksAndTabsInParagraphs(
            @ForAll @StringLength(max = 10) String before, @ForAll("control") char control, @ForAll @StringLength(max = 10) String after) {
        String text = "a" + clean(before) + control + clean(after) + "z";
        assertThatThrownBy(() -> Require.text(text, "name", 100)).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.field()).contains("name"));
        if (control == '\n' || control == '\r' || control == '\t') {
            assertThat(Require.paragraphs(text, "note", 100)).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> Require.paragraphs(text, "note", 100)).isInstanceOf(DomainException.class);
        }
    }

    @Property
    void printableTextsOfEveryScriptAreKept(@ForAll("printable") String text) {
        assertThat(Require.text("x" + text + "x", "name", 1000)).isEqualTo("x" + text + "x");
    }

    @Property
    void datesOutsideTheYearsMutuaDealsInAreRefused(@ForAll @IntRange(min = -999_999_999, max = 999_999_999) int year) {
        LocalDate date = LocalDate.of(year, 6, 15);
        boolean within = year >= 2000 && year <= 2999;
        if (within) {
            assertThat(Require.date(date, "deliveryDate")).isEqualTo(date);
        } else {
            assertThatThrownBy(() -> Require.date(date, "deliveryDate")).isInstanceOfSatisfying(DomainException.class,
                    refused -> assertThat(refused.field()).contains("deliveryDate"));
        }
        if (year > -1_000_000 && year < 1_000_000) {
            Instant instant = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (within) {
                assertThat(Require.instant(instant, "closesAt")).isEqualTo(instant);
            } else {
                assertThatThrownBy(() -> Require.instant(instant, "closesAt")).isInstanceOf(DomainException.class);
            }
        }
    }

    private static String clean(String text) {
        return text.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}\\uFFFE\\uFFFF]", "");
    }

    @Provide
    Arbitrary<Character> control() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001f'), Arbitraries.of('\u007f', '\u0085', '\u200b',
                '\ufeff', '\ud800', '\udfff', '\uffff', '\ufffe'));
    }

    @Provide
    Arbitrary<String> printable() {
        return Arbitraries.strings().withChars("aéçœÆß€ 'ø«»–—…日本語한국어עברית١٢٣").ofMaxLength(30)
                .map(text -> text + "\uD83C\uDF4E");
    }
}
