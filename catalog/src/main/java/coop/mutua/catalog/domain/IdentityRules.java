package coop.mutua.catalog.domain;

import coop.mutua.catalog.api.Address;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.Siret;
import coop.mutua.kernel.VatNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks and normalises the legal identity shared by groupements, member structures and suppliers. Commands stop at the
 * first refusal; forms ask for every refusal at once ({@link #problems}), with the same checks.
 */
public final class IdentityRules {

    /** ISO 3166-1 alpha-2 codes: an address's country ("ZZ" is none). */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private IdentityRules() {
    }

    static String name(String name) {
        return Require.text(name, "name", 200);
    }

    static String siret(String siret) {
        if (siret == null || siret.isBlank()) {
            throw new DomainException("field.required", "siret");
        }
        return Require.named("siret", () -> new Siret(siret).value());
    }

    static String vatNumber(String value) {
        return value == null || value.isBlank() ? null : Require.named("vatNumber", () -> new VatNumber(value).value());
    }

    /**
     * The VAT number, which for a French entity carries its SIREN: the first nine digits of its SIRET. A number of another
     * entity would go onto every invoice (Factur-X) as this one's.
     */
    static String vatNumber(String value, String siret) {
        String vat = vatNumber(value);
        String digits = siret == null ? "" : siret.replace(" ", "");
        if (vat != null && vat.startsWith("FR") && digits.matches("\\d{14}") && !vat.substring(4).equals(digits.substring(0, 9))) {
            throw new InvalidFieldException("vatNumber", "vat-number.siren-mismatch", vat, digits.substring(0, 9));
        }
        return vat;
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
        String country = country(address, field);
        return new Address(Require.text(address.street(), field + ".street", 200), postalCode(address, field, country),
                Require.text(address.city(), field + ".city", 100), country);
    }

    private static String country(Address address, String field) {
        String country = address.country() == null || address.country().isBlank() ? "FR"
                : address.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}") || !COUNTRIES.contains(country)) {
            throw new InvalidFieldException(field + ".country", "address.country", field, address.country());
        }
        return country;
    }

    private static String postalCode(Address address, String field, String country) {
        String postalCode = Require.text(address.postalCode(), field + ".postalCode", 10);
        if (country.equals("FR") && !postalCode.matches("\\d{5}")) {
            throw new InvalidFieldException(field + ".postalCode", "address.postal-code", field, postalCode);
        }
        return postalCode;
    }

    /** Every refusal of the given checks, each run on its own (a form shows them all at once). */
    public static List<DomainException> problems(Runnable... checks) {
        List<DomainException> found = new ArrayList<>();
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (DomainException refused) {
                found.add(refused);
            }
        }
        return found;
    }

    /** Every refusal of an identity (name, SIRET, VAT number, contact e-mail) and of its addresses, at once. */
    public static List<DomainException> identityProblems(String name, String siret, String vatNumber, String email,
                                                         String emailField, Map<String, Address> addresses) {
        List<DomainException> found = new ArrayList<>(problems(() -> name(name), () -> siret(siret), () -> vatNumber(vatNumber, siret),
                () -> email(email, emailField)));
        addresses.forEach((field, address) -> found.addAll(address == null ? List.of(new DomainException("field.required", field))
                : problems(() -> Require.text(address.street(), field + ".street", 200),
                        () -> postalCode(address, field, country(address, field)),
                        () -> Require.text(address.city(), field + ".city", 100))));
        return found;
    }

    static Money notNegative(Money amount, String field) {
        Money value = amount == null ? Money.ZERO : amount;
        if (value.isNegative()) {
            throw new DomainException("field.negative", field);
        }
        return value;
    }
}
