package coop.mutua.kernel;

/**
 * A French establishment number: 14 digits whose Luhn checksum is valid (the SIREN, its first nine digits,
 * identifies the legal entity). La Poste's establishments are the documented exception to the Luhn rule.
 */
public record Siret(String value) {

    private static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        if (value == null) {
            throw new DomainException("siret.missing");
        }
        value = value.replace(" ", "");
        if (!value.matches("\\d{14}")) {
            throw new DomainException("siret.format", value);
        }
        if (!Luhn.isValid(value) && !isLaPosteEstablishment(value)) {
            throw new DomainException("siret.checksum", value);
        }
    }

    public String siren() {
        return value.substring(0, 9);
    }

    private static boolean isLaPosteEstablishment(String digits) {
        if (!digits.startsWith(LA_POSTE_SIREN)) {
            return false;
        }
        return digits.chars().map(c -> c - '0').sum() % 5 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
