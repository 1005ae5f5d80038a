package coop.mutua.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.kernel.Money;
import coop.mutua.kernel.Quantity;
import java.math.BigDecimal;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class FormatsProperties {

    private final Formats french = new Formats(Locale.FRENCH);
    private final Formats english = new Formats(Locale.ENGLISH);

    @Test
    void writesNumbersAsEachLanguageDoes() {
        assertThat(french.money(Money.ofCents(9360))).isEqualTo("93,60\u00a0€");
        assertThat(english.money(Money.ofCents(9360))).isEqualTo("€93.60");
        assertThat(french.money(Money.ofCents(123450))).isEqualTo("1\u202f234,50\u00a0€");
        assertThat(french.number(new Quantity(new BigDecimal("7.500")))).isEqualTo("7,5");
        assertThat(english.number(new Quantity(new BigDecimal("7.500")))).isEqualTo("7.5");
        assertThat(french.number(new BigDecimal("1E+3"))).isEqualTo("1\u202f000");
        assertThat(french.quantity(new BigDecimal("2.5"), "kg")).isEqualTo("2,5\u00a0kg");
        assertThat(french.percent(new BigDecimal("5.5"))).isEqualTo("5,5\u00a0%");
        assertThat(english.percent(new BigDecimal("5.5"))).isEqualTo("5.5%");
        assertThat(french.input(new BigDecimal("5.10"))).isEqualTo("5,10");
        assertThat(french.inputNumber(new BigDecimal("2.500"))).isEqualTo("2,5");
        assertThat(french.inputNumber(new BigDecimal("1E+1"))).isEqualTo("10");
        assertThat(french.money(null)).isEmpty();
    }

    @Property
    void whatAnInputShowsReadsBackToTheSameNumber(@ForAll @BigRange(min = "0", max = "999999.999") @Scale(3) BigDecimal value) {
        for (Formats formats : new Formats[] {french, english}) {
            assertThat(Quantity.of(formats.input(value)).value()).isEqualByComparingTo(value);
            assertThat(Quantity.of(formats.inputNumber(value)).value()).isEqualByComparingTo(value);
        }
    }

    @Property
    void frenchTextNeverHasADecimalPoint(@ForAll @LongRange(min = 0, max = 100_000_000) long cents) {
        Money money = Money.ofCents(cents);
        assertThat(french.money(money)).doesNotContain(".").contains(",");
        assertThat(french.number(money.toBigDecimal())).doesNotContain(".");
        assertThat(Money.parse(french.number(money.toBigDecimal())).toBigDecimal()).isEqualByComparingTo(money.toBigDecimal());
    }
}
