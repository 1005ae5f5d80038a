package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.Address;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Siret;
import coop.mutua.kernel.VatNumber;
import java.util.Locale;

/** Checks and normalises the legal identity shared by groupements, member structures and suppliers. */
final class IdentityRules {

    private IdentityRules() {
    }

    static String name(String name) {
        return Require.text(name, "name", 200);
    }

    static String siret(String siret) {
        return new Siret(siret).value();
    }

    static String vatNumber(String value) {
        return value == null || value.isBlank() ? null : new VatNumber(value).value();
    }

    static String email(String email, String field) {
        return Require.email(email, field);
    }

    static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : Require.text(value, field, maxLength);
    }

    /** A postal address; French postal codes have five digits. */
    static Address address(Address address, String field) {
        Require.present(address, field);
        String country = address.country() == null || address.country().isBlank() ? "FR"
                : address.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new DomainException("address.country", field, address.country());
        }
        String postalCode = Require.text(address.postalCode(), field + ".postalCode", 10);
        if (country.equals("FR") && !postalCode.matches("\\d{5}")) {
            throw new DomainException("address.postal-code", field, postalCode);
        }
        return new Address(Require.text(address.street(), field + ".street", 200), postalCode,
                Require.text(address.city(), field + ".city", 100), country);
    }

    static Money notNegative(Money amount, String field) {
        Money value = amount == null ? Money.ZERO : amount;
        if (value.isNegative()) {
            throw new DomainException("field.negative", field);
        }
        return value;
    }
}
