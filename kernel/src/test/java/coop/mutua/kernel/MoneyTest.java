package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesFrenchAndEnglishDecimalsAndPrintsTwoDecimals() {
        assertThat(Money.parse("12,3")).isEqualTo(Money.ofCents(1230));
        assertThat(Money.parse("1 234.56").toString()).isEqualTo("1234.56");
        assertThat(Money.parse("-4").toString()).isEqualTo("-4.00");
    }

    @Test
    void refusesAmountsFinerThanACent() {
        assertThatThrownBy(() -> Money.parse("1.005"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("amount.too-many-decimals"));
        assertThatThrownBy(() -> Money.parse("douze")).isInstanceOf(DomainException.class);
    }

    @Test
    void lineAmountIsRoundedHalfUpToTheCent() {
        assertThat(UnitPrice.of("2.105").times(Quantity.of(1))).isEqualTo(Money.ofCents(211));
        assertThat(UnitPrice.of("0.3333").times(Quantity.of("3"))).isEqualTo(Money.ofCents(100));
        assertThat(UnitPrice.of("1.2345").times(Quantity.of("2.5"))).isEqualTo(Money.ofCents(309));
    }

    @Test
    void vatRatesAreTheFrenchOnes() {
        assertThat(VatRate.ofPercent("5,5")).isEqualTo(VatRate.REDUCED);
        assertThat(VatRate.ofPercent("20.00")).isEqualTo(VatRate.STANDARD);
        assertThatThrownBy(() -> VatRate.ofPercent("19.6"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("vat-rate.unknown"));
    }

    @Test
    void quantitiesAreExactToTheGram() {
        assertThat(Quantity.of("2,500").toString()).isEqualTo("2.5");
        assertThat(Quantity.of(500).value().scale()).as("no exponent form").isZero();
        assertThat(Quantity.of("500.0")).isEqualTo(Quantity.of(500));
        assertThat(Quantity.of("12").isMultipleOf(Quantity.of("6"))).isTrue();
        assertThat(Quantity.of("7").isMultipleOf(Quantity.of("6"))).isFalse();
        assertThat(Quantity.of("1.5").isMultipleOf(Quantity.of("0.5"))).isTrue();
        assertThatThrownBy(() -> Quantity.of("0.0001")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Quantity.of("-1")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> UnitPrice.of("1.23456")).isInstanceOf(DomainException.class);
    }
}
