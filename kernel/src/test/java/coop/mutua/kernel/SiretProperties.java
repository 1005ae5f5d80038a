package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SiretProperties {

    @Provide
    Arbitrary<String> thirteenDigits() {
        return Arbitraries.strings().numeric().ofLength(13).filter(s -> !s.startsWith("356000000"));
    }

    @Property
    void acceptsEveryNumberWithAValidCheckDigit(@ForAll("thirteenDigits") String body) {
        String digits = body + Luhn.checkDigit(body);

        assertThat(new Siret(digits).siren()).isEqualTo(digits.substring(0, 9));
    }

    @Property
    void refusesEveryOtherLastDigit(@ForAll("thirteenDigits") String body, @ForAll("wrongShift") int shift) {
        char valid = Luhn.checkDigit(body);
        char wrong = (char) ('0' + (valid - '0' + shift) % 10);

        assertThatThrownBy(() -> new Siret(body + wrong))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("siret.checksum"));
    }

    @Provide
    Arbitrary<Integer> wrongShift() {
        return Arbitraries.integers().between(1, 9);
    }

    @Example
    void knownNumbers() {
        assertThat(new Siret("732 829 320 00074").value()).isEqualTo("73282932000074");
        assertThatThrownBy(() -> new Siret("7328293200007")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Siret("7328293200007A")).isInstanceOf(DomainException.class);
        // La Poste: the sum of digits is a multiple of 5 instead of the Luhn rule.
        assertThat(new Siret("35600000000048").siren()).isEqualTo("356000000");
    }
}
