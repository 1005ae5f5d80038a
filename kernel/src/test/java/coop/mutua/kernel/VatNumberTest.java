package coop.mutua.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VatNumberTest {

    @Test
    void frenchKeyIsDerivedFromTheSiren() {
        // SIREN 732 829 320 has VAT number FR44 732829320.
        assertThat(VatNumber.forSiren("732829320").value()).isEqualTo("FR44732829320");
        assertThat(new VatNumber("fr 44 732 829 320").value()).isEqualTo("FR44732829320");
    }

    @Test
    void refusesAWrongKeyOrShape() {
        assertThatThrownBy(() -> new VatNumber("FR45732829320"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("vat-number.checksum"));
        assertThatThrownBy(() -> new VatNumber("FR4473282932"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("vat-number.format"));
        assertThat(new VatNumber("DE123456789").value()).isEqualTo("DE123456789");
    }
}
